import { Stack, Token } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import type { Construct } from 'constructs';
import { acknowledge } from '../nag.js';
import type { PortalFunction } from './portal-function.js';

/**
 * Lets a function send email through SES from the portal's own address only (`mailFrom`, e.g.
 * `MSCP <no-reply@mscp.example.org>`, an SES-verified identity).
 */
export function allowSendingFrom(scope: Construct, fn: PortalFunction, mailFrom: string, configurationSet?: string): void {
  const address = /<([^>]+)>/.exec(mailFrom)?.[1] ?? mailFrom;
  const { region, account } = Stack.of(scope);
  fn.addToRolePolicy(
    new iam.PolicyStatement({
      sid: 'SendFromThePortalAddressOnly',
      actions: ['ses:SendEmail'],
      // The configuration set too: SES checks the sender's right to use it (bounces and complaints).
      resources: [`arn:aws:ses:${region}:${account}:identity/*`, ...(configurationSet ? [`arn:aws:ses:${region}:${account}:configuration-set/${configurationSet}`] : [])],
      conditions: { StringEquals: { 'ses:FromAddress': address } },
    }),
  );
  acknowledge(fn.role!, [
    {
      id: `AwsSolutions-IAM5[Resource::arn:aws:ses:${Token.isUnresolved(region) ? '<AWS::Region>' : region}:<AWS::AccountId>:identity/*]`,
      reason: 'SES checks the sending identity (the address and its domain) and the configuration set; the condition limits sending to the portal address.',
    },
  ]);
}
