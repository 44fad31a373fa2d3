import {
  Button,
  Checkbox,
  Group,
  Loader,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useNavigate, useParams } from '@tanstack/react-router';
import { type FormEvent, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { personFacts, visibility } from '../../../../domain/protection/conditions.ts';
import { screeningOutcome } from '../../../../domain/protection/outcome.ts';
import { screeningCreate } from '../../../../domain/protection/records.ts';
import { isApiError } from '../../../api/client.ts';
import { BackLink } from '../../../components/BackLink.tsx';
import { ErrorState, Forbidden, FormAlert } from '../../../components/ErrorState.tsx';
import { unplacedErrors } from '../../../components/form/fieldErrors.ts';
import { OtherErrors } from '../../../components/form/Notes.tsx';
import { useFormState } from '../../../components/form/useFormState.ts';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { RequireCapability } from '../../../components/RequireCapability.tsx';
import { can, opt } from '../../../components/record/record.ts';
import { useCreate } from '../../../components/record/useRecord.ts';
import { type Person, personQuery } from '../../registry/api.ts';
import { languageOptions } from '../../registry/codes.ts';
import { today } from '../../registry/identity.ts';
import { latinName } from '../../registry/PersonParts.tsx';
import {
  type Screening,
  type ScreeningTemplate,
  useProtectionRefresh,
  useProtectionSummary,
  useTemplate,
} from '../api.ts';
import { RiskBadge } from '../Badges.tsx';
import { useLocalised } from '../labels.ts';
import { type Answers, answerErrors, withAnswer } from './answers.ts';
import { OutcomePreview } from './OutcomePreview.tsx';
import { NO_OVERRIDE, OverridePanel, overriddenOutcome, overridePayload } from './OverridePanel.tsx';
import { QuestionField } from './QuestionField.tsx';

const META = ['screenedOn', 'interviewLanguage', 'interpreter'];

export function NewScreeningPage() {
  const { id } = useParams({ from: '/app/persons/$id/screening' });
  return (
    <RequireCapability capability="protection:read">
      <NewScreening key={id} personId={id} />
    </RequireCapability>
  );
}

function NewScreening({ personId }: { personId: string }) {
  const { t } = useTranslation();
  const person = useQuery(personQuery(personId));
  const template = useTemplate();
  // may this user screen THIS person, and override the outcome? the person's summary says
  const summary = useProtectionSummary(personId);
  const failed = [person, template, summary].find((q) => q.isError);
  return (
    <Stack>
      <BackLink to="/persons/$id" params={{ id: personId }} search={{ tab: 'protection' }}>
        {t('screening.backToPerson')}
      </BackLink>
      {failed ? <ErrorState error={failed.error} onRetry={() => void failed.refetch()} /> : null}
      {person.data && template.data && summary.data ? (
        can(summary.data, 'screenings:create') ? (
          <ScreeningForm
            person={person.data}
            template={template.data}
            overrides={can(summary.data, 'screenings:override')}
          />
        ) : (
          <Forbidden />
        )
      ) : failed ? null : (
        <Loader aria-label={t('common.loading')} />
      )}
    </Stack>
  );
}

/** Brings the first question or field in error into view, with the focus on it. */
function focusFirstError() {
  requestAnimationFrame(() => {
    const el = document.querySelector<HTMLElement>('[data-invalid="true"], [aria-invalid="true"]');
    el?.scrollIntoView({ block: 'center' });
    (el?.matches('input, textarea') ? el : el?.querySelector<HTMLElement>('input, textarea'))?.focus();
  });
}

function ScreeningForm({
  person,
  template,
  overrides,
}: {
  person: Person;
  template: ScreeningTemplate;
  overrides: boolean;
}) {
  const { t } = useTranslation();
  const l = useLocalised();
  const navigate = useNavigate();
  const refresh = useProtectionRefresh();
  const create = useCreate<Screening>('screenings');
  const form = useFormState({
    screenedOn: today(),
    interviewLanguage: null as string | null,
    interpreter: false,
  });
  const [answers, setAnswers] = useState<Answers>({});
  const [override, setOverride] = useState(NO_OVERRIDE);
  const [busy, setBusy] = useState(false);
  const v = form.values;
  // the person's sex and age decide some questions (no pregnancy question for a man), as on the server
  const facts = useMemo(() => personFacts(person, v.screenedOn), [person, v.screenedOn]);
  const shown = useMemo(
    () => new Set(visibility(template, answers, facts).shown),
    [template, answers, facts],
  );
  const outcome = useMemo(
    () => screeningOutcome(template, visibility(template, answers, facts).answers),
    [template, answers, facts],
  );
  const languages = useMemo(() => languageOptions(person.languages), [person.languages]);

  const answer = (key: string, value: Parameters<typeof withAnswer>[2]) => {
    setAnswers((a) => withAnswer(a, key, value));
    form.setErrors((e) => {
      const { [`answers.${key}`]: _, ...rest } = e;
      return rest;
    });
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const kept = visibility(template, answers, facts).answers as Answers;
    const payload = {
      personId: person.id,
      templateKey: template.key,
      screenedOn: v.screenedOn,
      interviewLanguage: v.interviewLanguage ?? undefined,
      interpreter: v.interpreter,
      answers: kept,
      override: overridePayload({ ...override, reason: opt(override.reason) ?? '' }),
    };
    const body = form.validate(screeningCreate, payload, answerErrors(template, kept, t));
    if (!body) return focusFirstError();
    setBusy(true);
    try {
      const saved = await create(body);
      await refresh(person.id);
      await navigate({ to: '/screenings/$id', params: { id: saved.id }, search: { created: true } });
    } catch (error) {
      // a role that may not override is told so beside the override, not with a generic refusal
      if (isApiError(error, 403) && override.on)
        form.setErrors({ 'override.reason': t('screening.overrideRefused') });
      else form.fail(error);
      focusFirstError();
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <PageHeader
        title={t('screening.newTitle', { name: latinName(person) })}
        documentTitle={t('screening.newTitle', { name: latinName(person) })}
        subtitle={`${l.text(template.title)} · ${t('screening.templateVersion', { n: template.version })}`}
      />
      <form onSubmit={(e) => void submit(e)} noValidate data-testid="screening-form">
        <div className="sanad-screening">
          <Stack className="sanad-screening-form">
            <Paper withBorder p="md" component="section" aria-labelledby="interview-title">
              <Title order={2} size="h4" mb="sm" id="interview-title">
                {t('screening.interview')}
              </Title>
              <SimpleGrid cols={{ base: 1, sm: 2 }} verticalSpacing="sm">
                <TextInput
                  type="date"
                  label={t('screening.screenedOn')}
                  required
                  max={today()}
                  {...form.text('screenedOn')}
                  data-testid="screened-on"
                />
                <Select
                  label={t('screening.interviewLanguage')}
                  searchable
                  clearable
                  data={languages}
                  value={v.interviewLanguage}
                  onChange={(x) => form.set('interviewLanguage', x)}
                  error={form.errors.interviewLanguage}
                  nothingFoundMessage={t('common.noResults')}
                  data-testid="interview-language"
                />
              </SimpleGrid>
              <Checkbox
                mt="sm"
                label={t('screening.interpreter')}
                checked={v.interpreter}
                onChange={(x) => form.set('interpreter', x.currentTarget.checked)}
                data-testid="interpreter"
              />
            </Paper>
            {template.sections.map((s) => {
              const questions = s.questions.filter((q) => shown.has(q.key));
              if (questions.length === 0) return null;
              return (
                <Paper
                  key={s.key}
                  withBorder
                  p="md"
                  component="section"
                  aria-labelledby={`section-${s.key}`}
                  data-testid={`section-${s.key}`}
                >
                  <Title order={2} size="h4" mb="sm" id={`section-${s.key}`}>
                    {l.text(s.title)}
                  </Title>
                  <Stack gap="lg">
                    {questions.map((q) => {
                      const error = form.errors[`answers.${q.key}`];
                      return (
                        <div key={q.key} data-invalid={error ? 'true' : undefined}>
                          <QuestionField
                            question={q}
                            value={answers[q.key]}
                            onChange={(x) => answer(q.key, x)}
                            error={error}
                          />
                        </div>
                      );
                    })}
                  </Stack>
                </Paper>
              );
            })}
            <Paper withBorder shadow="sm" p="xs" className="sanad-screening-bar" hiddenFrom="md" aria-hidden>
              <Group gap="xs" justify="space-between">
                <RiskBadge level={outcome.riskLevel} />
                <Text size="xs" c="dimmed">
                  {t('screening.flagCount', { count: outcome.flags.length })}
                </Text>
              </Group>
            </Paper>
            {overrides ? (
              <OverridePanel
                value={override}
                onChange={(o) => {
                  setOverride(o);
                  form.setErrors((e) =>
                    Object.fromEntries(Object.entries(e).filter(([k]) => !k.startsWith('override'))),
                  );
                }}
                computedFlags={outcome.flags}
                errors={form.errors}
              />
            ) : null}
          </Stack>
          <div className="sanad-screening-preview">
            <OutcomePreview
              template={template}
              outcome={outcome}
              overridden={overriddenOutcome(outcome, override)}
            />
          </div>
          <Stack className="sanad-screening-actions">
            <FormAlert error={form.requestError} />
            <OtherErrors
              messages={unplacedErrors(form.errors, [
                ...META,
                ...[...shown].map((k) => `answers.${k}`),
                ...(overrides && override.on ? ['override'] : []),
              ])}
            />
            <Group justify="flex-end">
              <Button type="submit" loading={busy} data-testid="screening-save">
                {t('screening.save')}
              </Button>
            </Group>
          </Stack>
        </div>
      </form>
    </>
  );
}
