import { useNavigate } from '@solidjs/router';
import { createMemo, createSignal } from 'solid-js';
import { createStore } from 'solid-js/store';
import { scanFields } from '../../../../shared/pii/detect.js';
import { sectionToDo } from '../../../../shared/returns/rules.js';
import { ReturnSectionInput } from '../../../../shared/returns/schema.js';
import { afterReturnWrite, getReturn, type LoadedReturn, type ReturnKey, saveReturn, type WorkstreamWithMilestones } from '../../api/returns.js';
import { createFormState } from '../../components/form-state.js';
import { formFields } from '../../components/field-paths.js';
import { setReturnsFlash } from './flash.js';
import { problemMessage } from '../../components/problem-page.js';
import { fieldId, pathInSection } from '../../../../shared/returns/paths.js';
import { ourReturnPath } from './paths.js';
import {
  formFromSection as fromSection,
  sectionFromForm as toRaw,
  snapshotForm as snapshot,
  type SectionFormValues as FormState,
} from '../../../../shared/returns/section-form.js';

/*
 * The section form's state and its save. "Save and continue" checks the section with the API's
 * own schema, then saves it with the return's ETag; the task list then says what the section still
 * needs, if anything. When someone else saved first (412), what was typed is kept and their
 * version can be loaded beside it.
 */

const focusSoon = (id: string) => queueMicrotask(() => document.getElementById(id)?.focus());

export function useSectionForm(props: {
  periodId: string;
  agencyId: string;
  workstream: WorkstreamWithMilestones;
  loaded: LoadedReturn;
  mutate(r: LoadedReturn, forKey?: ReturnKey): void;
}) {
  const navigate = useNavigate();
  const ws = () => props.workstream;
  const openMilestones = () => ws().milestones.filter((m) => !m.closed);
  const sectionIn = (r: LoadedReturn) => r.data.sections.find((s) => s.workstreamId === ws().id);
  // The form is seeded once; loading someone else's version replaces it explicitly.
  // eslint-disable-next-line solid/reactivity
  const seed = sectionIn(props.loaded);
  const [form, setForm] = createStore<FormState>(fromSection(seed, openMilestones()));
  // eslint-disable-next-line solid/reactivity
  const [etag, setEtag] = createSignal(props.loaded.etag);
  const [carried, setCarried] = createSignal({ flag: !!seed?.carriedForward, narrative: seed?.narrative ?? '' });
  const state = createFormState();
  const [conflict, setConflict] = createSignal<FormState | null>(null);
  const [mine, setMine] = createSignal<FormState | null>(null);
  const [reloading, setReloading] = createSignal(false);

  const warnings = createMemo(() => scanFields(toRaw(ws().id, form)));
  const f = formFields((path) => state.err(fieldId(path)), warnings);

  const saved = (answer: LoadedReturn) => {
    afterReturnWrite(answer, props.mutate);
    const todo = sectionToDo(sectionIn(answer) ?? { workstreamId: ws().id });
    if (todo.length) setReturnsFlash(`${ws().name} saved, but it is not complete yet`, 'Your answers are saved. Before you can submit, this section needs:', todo);
    else setReturnsFlash(`${ws().name} saved`, 'Your answers for this section are saved. Complete the other sections, then check your answers and submit.');
    navigate(ourReturnPath(props.periodId));
  };

  const save = async () => {
    const section = state.check(ReturnSectionInput.safeParse(toRaw(ws().id, form)), fieldId);
    if (!section) return;
    await state.save(async () => saved(await saveReturn(props.periodId, props.agencyId, [section], etag())), {
      // Server paths are the whole return's (`sections[0].risks[1].title`); a section-wide error belongs to the narrative.
      field: (path) => fieldId(pathInSection(path)),
      fallback: 'Your answers could not be saved. Check your connection and try again.',
      // Someone else saved first: what was typed stays, and their version can be loaded beside it.
      onStale: () => setConflict(snapshot(form)),
    });
  };

  /** Their version into the form, with its ETag; what was typed stays on show beside it. */
  const reloadTheirs = async () => {
    setReloading(true);
    try {
      const fresh = await getReturn(props.periodId, props.agencyId);
      const theirs = sectionIn(fresh);
      setMine(conflict());
      setConflict(null);
      setEtag(fresh.etag);
      setCarried({ flag: !!theirs?.carriedForward, narrative: theirs?.narrative ?? '' });
      setForm(fromSection(theirs, openMilestones()));
      state.setErrors([]);
      props.mutate(fresh, [props.periodId, props.agencyId]);
      focusSoon('your-text');
    } catch (e) {
      state.setErrors([{ message: problemMessage(e, 'Their version could not be loaded. Check your connection and try again.') }]);
    } finally {
      setReloading(false);
    }
  };

  return {
    form,
    setForm,
    f,
    summary: state.errors,
    saving: state.busy,
    conflict,
    mine,
    reloading,
    openMilestones,
    stillCarried: () => carried().flag && form.narrative === carried().narrative,
    save,
    reloadTheirs,
  };
}
