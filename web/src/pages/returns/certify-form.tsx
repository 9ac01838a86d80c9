import { useNavigate } from '@solidjs/router';
import { createMemo, createSignal } from 'solid-js';
import { formatDayLong } from '../../../../shared/periods/period.js';
import { scanFields } from '../../../../shared/pii/detect.js';
import { ApiError } from '../../api/client.js';
import { afterReturnWrite, certifyReturn, type LoadedReturn, type Period, type ReturnKey, type ReturnView, sendBackToPreparer } from '../../api/returns.js';
import { CharacterCount } from '../../components/character-count.js';
import { Radios } from '../../components/fields.js';
import { formatDateTime } from '../../components/format.js';
import { createFormState } from '../../components/form-state.js';
import { FactRow, SummaryList } from '../../components/summary-list.js';
import { OverdueTag, ReturnStatusTag } from '../../components/tag.js';
import { type CertifyDecision, COMMENT_MAX, decisionErrors } from './certification-words.js';
import { setReturnsFlash } from './flash.js';
import { certifiedPath, ourReturnPath } from './paths.js';
import { Form } from '../../components/form.js';

/*
 * A signatory's decision on their agency's return awaiting certification: certify it (it goes to
 * the programme lead) or send it back to whoever prepared it with comments (a draft again). Checked
 * here as the server checks it; the answer goes into the cache before the next page shows it.
 */

type Decision = '' | CertifyDecision;

/** Who prepared the return, by name, for the words of the form and the outcome. */
const preparerOf = (view: ReturnView) => view.certification?.preparedByName ?? 'the person who prepared it';

export function useCertify(opts: { current: () => LoadedReturn | undefined; mutate: (r: LoadedReturn, forKey?: ReturnKey) => void; refetch: () => Promise<unknown> }) {
  const navigate = useNavigate();
  const [decision, setDecision] = createSignal<Decision>('');
  const [comment, setComment] = createSignal('');
  const [conflict, setConflict] = createSignal(false);
  const form = createFormState();
  const warnings = createMemo(() => scanFields({ comment: comment() }));

  const write = async ({ data: view, etag }: LoadedReturn) => {
    try {
      if (decision() === 'certify') {
        afterReturnWrite(await certifyReturn(view.periodId, view.agencyId, etag), opts.mutate);
        navigate(certifiedPath(view.periodId));
        return;
      }
      afterReturnWrite(await sendBackToPreparer(view.periodId, view.agencyId, comment().trim(), etag), opts.mutate);
      setReturnsFlash(
        `You sent the return back to ${preparerOf(view)} with your comments`,
        'They will see your comments at the top of the return, and can make the changes and send it for certification again.',
      );
      navigate(ourReturnPath(view.periodId));
    } catch (e) {
      // Not allowed, or no longer waiting for certification: the summary says why; show where it stands now.
      if (e instanceof ApiError && (e.status === 403 || e.status === 409)) void opts.refetch();
      throw e;
    }
  };

  const submit = async () => {
    setConflict(false);
    const problems = decisionErrors(decision(), comment());
    form.setErrors(problems);
    const cur = opts.current();
    if (problems.length || !cur) return;
    await form.save(() => write(cur), {
      field: (path) => (path === 'comment' ? 'comment' : undefined),
      fallback: 'That did not work. Check your connection and try again.',
      // Someone changed the return since this page opened: say so, and offer the latest version.
      onStale: () => setConflict(true),
    });
  };

  const reload = () => {
    setConflict(false);
    void opts.refetch();
  };

  return { decision, setDecision, comment, setComment, warnings, conflict, reload, errors: form.errors, err: form.err, busy: form.busy, submit };
}

/** Who prepared the return and when it is due. */
export function CertifyFacts(props: { view: ReturnView; period: Period }) {
  const cert = () => props.view.certification;
  return (
    <SummaryList class="app-summary-list app-return-facts">
      <FactRow key="Prepared and sent by" when={cert()?.sentAt}>
        {preparerOf(props.view)} on {formatDateTime(cert()?.sentAt)}
      </FactRow>
      <FactRow key="Due" when>
        {formatDayLong(props.view.dueDate ?? props.period.dueDate)}
        <OverdueTag when={props.view.overdue} />
      </FactRow>
      <FactRow key="Status" when>
        <ReturnStatusTag status={props.view.status} reopened={Boolean(props.view.reopened)} />
      </FactRow>
    </SummaryList>
  );
}

/** Certify, or send back with what needs changing; then Continue. */
export function CertifyForm(props: { view: ReturnView; certify: ReturnType<typeof useCertify> }) {
  const c = () => props.certify;
  return (
    <Form onSubmit={() => void c().submit()} submit="Continue" busy={c().busy()}>
      <Radios
        id="decision"
        legend={<h2 class="govuk-fieldset__heading">What do you want to do?</h2>}
        legendClass="govuk-fieldset__legend--m"
        error={c().err('decision')}
        value={c().decision()}
        onChange={(v) => c().setDecision(v as Decision)}
        options={[
          { value: 'certify', label: 'Certify and submit to the programme lead' },
          {
            value: 'send-back',
            label: `Send it back to ${preparerOf(props.view)} with comments`,
            conditional: (
              <CharacterCount
                id="comment"
                label="What needs changing"
                hint="They will see this at the top of the return. Do not include a child's or family member's details."
                error={c().err('comment')}
                value={c().comment()}
                onInput={(v) => c().setComment(v)}
                max={COMMENT_MAX}
                warnings={c().warnings()}
              />
            ),
          },
        ]}
      />
      <p class="govuk-body">
        By certifying you confirm that you have checked the answers and that, to the best of your knowledge, they are correct and hold programme information only.
      </p>
    </Form>
  );
}
