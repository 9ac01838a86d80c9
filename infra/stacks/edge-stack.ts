import { Stack, type StackProps } from 'aws-cdk-lib';
import * as wafv2 from 'aws-cdk-lib/aws-wafv2';
import type { Construct } from 'constructs';

export interface EdgeStackProps extends StackProps {
  /** Requests one address may make in 5 minutes before WAF blocks it for a while. */
  readonly rateLimitPer5Minutes: number;
}

/** The end of the threshold document upload's path (`/api/p/{id}/threshold-documents/upload`). */
export const THRESHOLD_UPLOAD_PATH_END = '/threshold-documents/upload';

/** AWS managed rule groups the web ACL applies, in order. */
export const MANAGED_RULE_GROUPS = ['AWSManagedRulesCommonRuleSet', 'AWSManagedRulesKnownBadInputsRuleSet'] as const;

/**
 * AWS WAF for the CloudFront distribution. A web ACL for CloudFront must live in us-east-1, so this
 * is a stack of its own in that region; the stateless stack reads its ARN through a cross-region
 * reference. Rules: AWS's common rule set and known bad inputs (log4j, Java deserialisation…), and a
 * per-address rate limit generous enough for a whole council behind one outgoing address.
 */
export class EdgeStack extends Stack {
  public readonly webAcl: wafv2.CfnWebACL;

  constructor(scope: Construct, id: string, props: EdgeStackProps) {
    super(scope, id, props);
    const visibility = (metricName: string) => ({ cloudWatchMetricsEnabled: true, sampledRequestsEnabled: true, metricName });

    this.webAcl = new wafv2.CfnWebACL(this, 'WebAcl', {
      scope: 'CLOUDFRONT',
      defaultAction: { allow: {} },
      visibilityConfig: visibility('PortalWebAcl'),
      rules: [
        ...MANAGED_RULE_GROUPS.map((name, i) => ({
          name,
          priority: i,
          overrideAction: { none: {} },
          statement: {
            managedRuleGroupStatement: {
              vendorName: 'AWS',
              name,
              // The common set blocks request bodies over 8 KB; a quarterly return or a threshold
              // document upload is larger. The API limits bodies itself (413 past 1 MB), so that one
              // rule only counts.
              ...(name === 'AWSManagedRulesCommonRuleSet'
                ? {
                    ruleActionOverrides: [{ name: 'SizeRestrictions_BODY', actionToUse: { count: {} } }],
                    // A threshold document upload is a PDF: its bytes would trip the body rules
                    // (cross-site scripting, file inclusion). The route checks the file itself
                    // (type, size, a signed-in signatory), and the other rules still apply to it.
                    scopeDownStatement: {
                      notStatement: {
                        statement: {
                          byteMatchStatement: {
                            fieldToMatch: { uriPath: {} },
                            positionalConstraint: 'ENDS_WITH',
                            searchString: THRESHOLD_UPLOAD_PATH_END,
                            textTransformations: [{ priority: 0, type: 'NONE' }],
                          },
                        },
                      },
                    },
                  }
                : {}),
            },
          },
          visibilityConfig: visibility(name),
        })),
        {
          name: 'RateLimitPerAddress',
          priority: MANAGED_RULE_GROUPS.length,
          action: { block: {} },
          statement: { rateBasedStatement: { limit: props.rateLimitPer5Minutes, aggregateKeyType: 'IP', evaluationWindowSec: 300 } },
          visibilityConfig: visibility('RateLimitPerAddress'),
        },
      ],
    });
  }
}
