import { LinkLine } from '../../components/link-line.js';
import { ourReturnPath, returnPath } from './paths.js';

/*
 * Where a return is printed or saved as PDF: the lead's and executives' under the return they read,
 * the partner's under their own return (partners open no page under /returns).
 */

export const returnPrintPath = (periodId: string, agencyId: string) => `${returnPath(periodId, agencyId)}/print`;
export const ourReturnPrintPath = (periodId: string) => `${ourReturnPath(periodId)}/print`;

/** The link from a return's page to its printable view. */
export function PrintReturnLink(props: { href: string }) {
  return <LinkLine href={props.href}>Print or save this return as PDF</LinkLine>;
}
