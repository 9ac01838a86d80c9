import { CfnResource, Validations } from 'aws-cdk-lib';
import cdkNag from 'cdk-nag';
import type { IConstruct } from 'constructs';

/**
 * cdk-nag 3 runs as a CDK policy-validation plugin (`Validations.of(app).addPlugins(...)`) and
 * reads acknowledgements recorded with `Validations.of(construct).acknowledge(...)`. It is
 * CommonJS and Node's ESM loader cannot see its named exports, hence the default import.
 */
export const { AwsSolutionsChecks, ServerlessChecks } = cdkNag;

/** One acknowledged cdk-nag finding. `id` is a rule (`AwsSolutions-S1`) or a finding (`AwsSolutions-IAM5[Resource::*]`). */
export interface NagAck {
  readonly id: string;
  /** Why the finding is acceptable here. Required: no finding is acknowledged without a reason. */
  readonly reason: string;
}

/**
 * Acknowledges cdk-nag findings on a construct and everything below it. Each IAM5 wildcard
 * finding must be named individually: cdk-nag 3 has no prefix matching.
 */
export function acknowledge(scope: IConstruct, acks: readonly NagAck[]): void {
  for (const ack of acks) {
    if (ack.reason.trim().length < 20) throw new Error(`cdk-nag acknowledgement ${ack.id} needs a concrete reason`);
    Validations.of(scope).acknowledge({ id: ack.id, reason: ack.reason });
  }
}

/** An acknowledgement for the AwsSolutions-IAM5 findings whose text matches `finding`. */
export interface WildcardAck {
  /** Matched against the finding text, e.g. `Resource::<MyBucket1234.Arn>/*` or `Action::s3:List*`. */
  readonly finding: RegExp;
  readonly reason: string;
}

const POLICY_TYPES = new Set(['AWS::IAM::Policy', 'AWS::IAM::ManagedPolicy', 'AWS::IAM::Role']);

/**
 * Acknowledges AwsSolutions-IAM5 (wildcard) findings by pattern on every IAM policy under `scope`:
 * the equivalent of cdk-nag 2's `appliesTo` with a regex.
 *
 * cdk-nag 3 only accepts exact finding IDs, and a finding's text contains generated names
 * (logical IDs, cross-stack export names) that exist only once the app is prepared. So the
 * matching runs as a construct validation, which CDK runs after cross-stack references are
 * resolved and before the cdk-nag plugin checks the templates. Findings that match no pattern stay
 * errors.
 */
export function acknowledgeWildcards(scope: IConstruct, acks: readonly WildcardAck[]): void {
  for (const ack of acks) {
    if (ack.reason.trim().length < 20) throw new Error(`cdk-nag acknowledgement ${String(ack.finding)} needs a concrete reason`);
  }
  scope.node.addValidation({
    validate: () => {
      for (const c of scope.node.findAll()) {
        if (!CfnResource.isCfnResource(c) || !POLICY_TYPES.has(c.cfnResourceType)) continue;
        const findings: unknown = cdkNag.rules.iam.IAMNoWildcardPermissions(c);
        if (!Array.isArray(findings)) continue;
        const recorded: Array<{ id: string; reason: string }> = [];
        for (const f of findings as string[]) {
          const ack = acks.find((a) => a.finding.test(f));
          if (!ack) continue;
          const id = `AwsSolutions-IAM5[${f}]`;
          Validations.of(c).acknowledge({ id, reason: ack.reason });
          recorded.push({ id, reason: ack.reason });
        }
        // Keep the template's audit trail (`cdk_nag` metadata, written by an aspect that ran
        // before this) complete.
        if (recorded.length > 0) {
          const existing = c.getMetadata('cdk_nag') as { rules_to_suppress?: Array<{ id: string; reason: string }> } | undefined;
          c.addMetadata('cdk_nag', { rules_to_suppress: [...(existing?.rules_to_suppress ?? []), ...recorded] });
        }
      }
      return [];
    },
  });
}
