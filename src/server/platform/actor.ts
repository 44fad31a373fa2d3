import type { RoleAssignment } from '../../domain/directory/schemas';

/** The signed-in user as the policy layer sees them. */
export interface Actor {
  userId: string;
  username: string;
  missionId: string;
  organisationId: string;
  roles: RoleAssignment[];
  ip: string | null;
}

/** For CLI commands and jobs: acts inside one mission, with no user behind it. */
export const systemActor = (missionId: string): Actor => ({
  userId: '00000000-0000-7000-8000-000000000000',
  username: 'system',
  missionId,
  organisationId: '00000000-0000-7000-8000-000000000000',
  roles: [{ role: 'admin', centreIds: [] }],
  ip: null,
});
