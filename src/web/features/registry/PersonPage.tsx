import { Alert, Group, Stack, Tabs, Text } from '@mantine/core';
import { IconGitMerge, IconId } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useNavigate, useParams, useSearch } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { BackLink as GoBack } from '../../components/BackLink.tsx';
import { InfoNote } from '../../components/form/Notes.tsx';
import { AnchorLink } from '../../components/links.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { RequireCapability } from '../../components/RequireCapability.tsx';
import { RecordFrame } from '../../components/record/RecordFrame.tsx';
import { useRecord } from '../../components/record/useRecord.ts';
import { type Person, personQuery, RESOURCE, useRegistryRefresh } from './api.ts';
import { NO_PERSON_PARTS, type PersonPageParts } from './contributions.ts';
import { EpisodesTable } from './EpisodesTable.tsx';
import { FamilyPanel } from './FamilyPanel.tsx';
import { MergeDialog } from './MergeDialog.tsx';
import { MergesPanel } from './MergesPanel.tsx';
import { MovementDialog, type MovementKind } from './MovementDialog.tsx';
import { type PersonAction, PersonActions } from './PersonActions.tsx';
import { PersonDetails } from './PersonDetails.tsx';
import { PersonEditForm } from './PersonEditForm.tsx';
import { latinName, RegistrationNumber, StatusBadge } from './PersonParts.tsx';
import { TimelinePanel } from './TimelinePanel.tsx';

function BackLink() {
  const { t } = useTranslation();
  return <GoBack to="/registry">{t('registry.backToSearch')}</GoBack>;
}

/** A merged record points to the one it lives on in. */
function MergedInto({ survivorId }: { survivorId: string }) {
  const { t } = useTranslation();
  const survivor = useQuery({ ...personQuery(survivorId), retry: false });
  return (
    <Alert color="gray" icon={<IconGitMerge aria-hidden />} data-testid="merged-into">
      <Group gap={6}>
        <Text size="sm">{t('person.mergedInto')}</Text>
        <AnchorLink to="/persons/$id" params={{ id: survivorId }} size="sm" data-testid="survivor-link">
          {survivor.data ? (
            <RegistrationNumber value={survivor.data.registrationNumber} />
          ) : (
            t('person.survivor')
          )}
        </AnchorLink>
      </Group>
    </Alert>
  );
}

/** `parts`: what later modules add (tabs, timeline items), from the composition root via the route. */
export function PersonPage({ parts = NO_PERSON_PARTS }: { parts?: PersonPageParts }) {
  const { id } = useParams({ from: '/app/persons/$id' });
  // a new page for each person: notices, dialogs and edit mode do not carry over from the last one
  return <PersonView key={id} id={id} parts={parts} />;
}

function PersonView({ id, parts }: { id: string; parts: PersonPageParts }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { created, found, tab } = useSearch({ from: '/app/persons/$id' });
  const tabs = parts.useTabs();
  const { query, record, notice, accept, patch } = useRecord<Person>(RESOURCE, id);
  const refresh = useRegistryRefresh();
  const [editing, setEditing] = useState(false);
  const [moving, setMoving] = useState<MovementKind | null>(null);
  const [merging, setMerging] = useState(false);

  const onAction = (a: PersonAction) => {
    if (a === 'edit') setEditing(true);
    else if (a === 'merge') setMerging(true);
    else setMoving(a);
  };
  const moved = async (updated: Person | null) => {
    setMoving(null);
    await refresh(updated);
    // moved out of the user's sight (e.g. transferred to a centre outside their scope)
    if (!updated) await navigate({ to: '/registry' });
    else accept(updated, t('movement.saved'));
  };
  const initial = created ? t('register.created') : found ? t('register.openedExisting') : null;

  return (
    <RequireCapability capability="registry:read">
      <RecordFrame back={<BackLink />} query={query} notice={notice ?? initial} maw={1200}>
        {record ? (
          <Stack data-testid="person-page">
            <PageHeader
              documentTitle={latinName(record)}
              title={
                <Group gap="sm" component="span">
                  <bdi data-testid="person-name">{latinName(record)}</bdi>
                  <StatusBadge status={record.status} />
                </Group>
              }
              subtitle={
                <Group gap="md" component="span">
                  <span data-testid="registration-number">
                    <RegistrationNumber value={record.registrationNumber} />
                  </span>
                  {record.fullNameOriginal ? <bdi>{record.fullNameOriginal}</bdi> : null}
                </Group>
              }
              actions={editing ? null : <PersonActions person={record} onAction={onAction} />}
            />
            {record.mergedIntoId ? <MergedInto survivorId={record.mergedIntoId} /> : null}
            {record.status === 'deceased' ? <InfoNote text={t('person.deceasedNote')} /> : null}
            <Tabs
              value={tab && tabs.some((x) => x.value === tab) ? tab : 'identity'}
              onChange={(v) =>
                void navigate({
                  to: '/persons/$id',
                  params: { id },
                  search: (s) => ({ ...s, tab: tabs.find((x) => x.value === v)?.value }),
                  replace: true,
                })
              }
              keepMounted={false}
            >
              {tabs.length ? (
                <Tabs.List mb="md">
                  <Tabs.Tab
                    value="identity"
                    leftSection={<IconId size={16} aria-hidden />}
                    data-testid="tab-identity"
                  >
                    {t('person.tabs.identity')}
                  </Tabs.Tab>
                  {tabs.map((x) => (
                    <Tabs.Tab
                      key={x.value}
                      value={x.value}
                      leftSection={x.icon}
                      data-testid={`tab-${x.value}`}
                    >
                      {x.label}
                    </Tabs.Tab>
                  ))}
                </Tabs.List>
              ) : null}
              <Tabs.Panel value="identity">
                <Stack>
                  <parts.IdentityTop personId={record.id} />
                  {editing ? (
                    <PersonEditForm
                      key={record.version}
                      person={record}
                      onCancel={() => setEditing(false)}
                      onSubmit={async (changes) => {
                        await patch(changes, t('directory.saved'));
                        setEditing(false);
                      }}
                    />
                  ) : (
                    <PersonDetails person={record} />
                  )}
                  <EpisodesTable personId={record.id} />
                  <FamilyPanel personId={record.id} />
                  <MergesPanel person={record} onChanged={(p) => accept(p, t('merge.undone'))} />
                  <TimelinePanel personId={record.id} useDescribeOthers={parts.useDescribe} />
                </Stack>
              </Tabs.Panel>
              {tabs.map((x) => (
                <Tabs.Panel key={x.value} value={x.value}>
                  <x.Panel person={record} />
                </Tabs.Panel>
              ))}
            </Tabs>
            <MovementDialog person={record} kind={moving} onClose={() => setMoving(null)} onDone={moved} />
            <MergeDialog
              person={record}
              opened={merging}
              onClose={() => setMerging(false)}
              onDone={async (survivor) => {
                setMerging(false);
                accept(survivor, t('merge.done'));
                await refresh(survivor);
              }}
            />
          </Stack>
        ) : null}
      </RecordFrame>
    </RequireCapability>
  );
}
