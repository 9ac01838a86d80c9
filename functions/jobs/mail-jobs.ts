import { isMonday, ukDate } from '../../shared/periods/period.js';
import { runDigest } from './digest.js';
import { everyPartnership, type JobDeps, messageOf, PartnershipJobsFailed, type PartnershipRuns } from './every-partnership.js';
import { runOutbox } from './outbox.js';
import { formatOutcomes, runReminders } from './reminders.js';

/** What EventBridge Scheduler sends: `{}` each morning, `{ "job": "outbox" }` each minute. */
export interface MailJobEvent {
  job?: 'reminders' | 'outbox';
}

/** A run's totals across every hosted partnership. */
export interface MailJobResult {
  date: string;
  sent: number;
  failed: number;
}

/**
 * The scheduled mail jobs of every partnership the service hosts, as one Lambda handler: the daily
 * reminders (with the weekly summaries on Mondays) and the notification outbox. Each partnership
 * runs with its own records and links, and a failure in one does not stop the others: the run
 * ends in error afterwards, naming each partnership that failed. Every email still goes once per
 * person, so a retried or doubled invocation sends nothing twice.
 */
export function createMailJobsHandler(deps: JobDeps, now: () => Date = () => new Date()) {
  return async (event?: MailJobEvent): Promise<MailJobResult> => {
    const at = now();
    const date = ukDate(at);
    if (event?.job === 'outbox') {
      const runs = await everyPartnership(deps, async (p) => {
        const outcomes = await runOutbox(p, at);
        const sent = outcomes.filter((o) => o.result === 'sent').length;
        const failed = outcomes.filter((o) => o.result === 'failed').length;
        if (outcomes.length) console.log(`${p.partnershipId}: Notifications: ${sent} sent, ${failed} failed (tried again with backoff).`);
        // Only giving up is an error worth an alarm: a failed send is tried again within the hour.
        const gaveUp = outcomes.filter((o) => o.result === 'gave-up').length;
        if (gaveUp > 0) throw new Error(`${gaveUp} notification emails were given up after repeated failures.`);
        return { sent, failed };
      });
      return totals(date, runs, 'Sending notifications');
    }
    const runs = await everyPartnership(deps, async (p) => {
      const outcomes = await runReminders(p, date, at);
      console.log(`${p.partnershipId}: ${formatOutcomes(date, outcomes)}`);
      if (isMonday(date)) {
        const summaries = await runDigest(p, at);
        console.log(
          `${p.partnershipId}: Weekly summaries: ${summaries.filter((x) => x.result === 'sent').length} sent, ${summaries.filter((x) => x.result === 'failed').length} failed.`,
        );
      }
      const sent = outcomes.filter((o) => o.result === 'sent').length;
      const failed = outcomes.filter((o) => o.result === 'failed' || o.result === 'gave-up').length;
      // An error, so the failure shows (Errors metric, alarm); a retried run sends nothing twice.
      if (failed > 0) throw new Error(`${failed} reminder emails were not sent on ${date}; failed ones are tried again on the next run.`);
      return { sent, failed };
    });
    return totals(date, runs, `The reminders of ${date}`);
  };
}

/** The sums over the partnerships, or one error naming each that failed (each logged with its stack). */
function totals(date: string, runs: PartnershipRuns<{ sent: number; failed: number }>, job: string): MailJobResult {
  for (const f of runs.failed) console.error(`${f.partnershipId}: ${f.error instanceof Error ? (f.error.stack ?? f.error.message) : messageOf(f.error)}`);
  if (runs.failed.length) throw new PartnershipJobsFailed(job, runs.failed);
  const sum = (k: 'sent' | 'failed') => runs.done.reduce((n, r) => n + r.value[k], 0);
  return { date, sent: sum('sent'), failed: sum('failed') };
}
