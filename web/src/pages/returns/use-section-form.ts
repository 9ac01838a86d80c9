import { useNavigate } from '@solidjs/router';
import { createMemo, createSignal } from 'solid-js';
import { createStore } from 'solid-js/store';
import { scanFields } from '../../../../shared/pii/detect.js';
import { sectionToDo } from '../../../../shared/returns/rules.js';
import { ReturnSectionInput } from '../../../../shared/returns/schema.js';
import type { IndicatorSeries } from '../../api/measures.js';
import { ApiError } from '../../api/client.js';
import { afterReturnWrite, getReturn, type LoadedReturn, type ReturnKey, saveReturn, type WorkstreamWithMilestones } from '../../api/returns.js';
import { createFormState } from '../../components/form-state.js';
import { formFields } from '../../components/field-paths.js';
import { setReturnsFlash } from './flash.js';
import { problemMessage } from '../../components/problem-page.js';
import { fieldId, pathInSection } from '../../../../shared/returns/paths.js';
import { ourReturnPath } from './paths.js';
import {
  formFromSection as fromSection,
  formPath,
  sectionFromForm as toRaw,
  sentIndicatorRows,
  snapshotForm as snapshot,
  type SectionFormValues as FormState,
} from '../../../../shared/returns/section-form.js';

/*
 * The section form's state and its save. "Save and continue" checks the section with the API's
 * own schema, then saves it with the return's ETag; the task list then says what the section still
 * needs, if anything. When someone else saved first (412), what was typed is kept and their
 * version can be loaded beside it. A value of an outcome indicator far from the recent ones is
 * queried by the API: the query shows at the value (a warning, not an error) and in the error
 * summary, and the value is saved once the person confirms it or corrects it.
 */

const focusSoon = (id: string) => queueMicrotask(() => document.getElementById(id)?.focus());

export function useSectionForm(props: {
  periodId: string;
  agencyId: string;
  workstream: WorkstreamWithMilestones;
  loaded: LoadedReturn;
  mutate(r: LoadedReturn, forKey?: ReturnKey): void;
  /** The outcome indicators the agency reports in this section this quarter. */
  indicators: IndicatorSeries[];
}) {
  const navigate = useNavigate();
  const ws = () => props.workstream;
  const openMilestones = () => ws().milestones.filter((m) => !m.closed);
  const sectionIn = (r: LoadedReturn) => r.data.sections.find((s) => s.workstreamId === ws().id);
  // The form is seeded once; loading someone else's version replaces it explicitly.
  // eslint-disable-next-line solid/reactivity
  const seed = sectionIn(props.loaded);
  const dueIds = () => props.indicators.map((i) => i.id);
  const [form, setForm] = createStore<FormState>(fromSection(seed, openMilestones(), dueIds()));
  // eslint-disable-next-line solid/reactivity
  const [etag, setEtag] = createSignal(props.loaded.etag);
  const [carried, setCarried] = createSignal({ flag: !!seed?.carriedForward, narrative: seed?.narrative ?? '' });
  const state = createFormState();
  const [conflict, setConflict] = createSignal<FormState | null>(null);
  const [mine, setMine] = createSignal<FormState | null>(null);
  const [reloading, setReloading] = createSignal(false);
  /** The API's queries on indicator values, by indicator id. */
  const [queries, setQueries] = createSignal<Record<string, string>>({});
  const isQuery = (message: string) => Object.values(queries()).includes(message);

  // Paths of what is sent count only the indicator rows sent; the form's fields count every row.
  const warnings = createMemo(() => {
    const rows = sentIndicatorRows(form);
    return scanFields(toRaw(ws().id, form)).map((w) => ({ ...w, path: formPath(w.path, rows) }));
  });
  // A query is shown at its value as a warning, so it is not that field's error.
  const f = formFields((path) => {
    const e = state.err(fieldId(path));
    return e && !isQuery(e) ? e : undefined;
  }, warnings);

  /** The indicator of a field of the form (`indicators-2-value`), if it is one of an indicator's. */
  const indicatorAt = (field: string) => {
    const m = /^indicators-(\d+)-/.exec(field);
    const row = m ? form.indicators[Number(m[1])] : undefined;
    return row && props.indicators.find((i) => i.id === row.indicatorId);
  };

  /** The queries in a refused save, by indicator id. */
  const queriesIn = (error: unknown, rows: number[]) =>
    Object.fromEntries(
      (error instanceof ApiError ? error.errors : [])
        .filter((e) => e.kind === 'query')
        .flatMap((e) => {
          const ind = indicatorAt(fieldId(formPath(pathInSection(e.path), rows)));
          return ind ? [[ind.id, e.message] as const] : [];
        }),
    );

  const saved = (answer: LoadedReturn) => {
    afterReturnWrite(answer, props.mutate);
    const todo = sectionToDo(sectionIn(answer) ?? { workstreamId: ws().id }, props.indicators);
    if (todo.length) setReturnsFlash(`${ws().name} saved, but it is not complete yet`, 'Your answers are saved. Before you can submit, this section needs:', todo);
    else setReturnsFlash(`${ws().name} saved`, 'Your answers for this section are saved. Complete the other sections, then check your answers and submit.');
    navigate(ourReturnPath(props.periodId));
  };

  const save = async () => {
    setQueries({});
    const rows = sentIndicatorRows(form);
    const at = (path: string) => fieldId(formPath(path, rows));
    // "Enter a number" names the indicator it is about.
    const section = state.check(ReturnSectionInput.safeParse(toRaw(ws().id, form)), at, (field, said) => {
      const ind = indicatorAt(field);
      return ind && `${ind.name}: ${said}`;
    });
    if (!section) return;
    const write = async () => {
      try {
        saved(await saveReturn(props.periodId, props.agencyId, [section], etag()));
      } catch (error) {
        setQueries(queriesIn(error, rows));
        throw error;
      }
    };
    await state.save(write, {
      // Server paths are the whole return's (`sections[0].risks[1].title`); a section-wide error belongs to the narrative.
      field: (path) => at(pathInSection(path)),
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
      setForm(fromSection(theirs, openMilestones(), dueIds()));
      setQueries({});
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
    /** Every error on show is a query: the summary asks for values to be checked. */
    onlyQueries: () => state.errors().length > 0 && state.errors().every((e) => isQuery(e.message)),
    queries,
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
