// Lifted to platform/read-audit.ts, so health audits its reads the same way.
export { auditListRead, auditRead } from '../../platform/read-audit';
