/**
 * Facts of the Medway demo that the reminder suites (API and browser) both read. 2026-27-Q3 is open
 * and due on Sunday 31 January 2027: Medway Council has submitted, Kent Police's return was returned
 * to them, NHS Kent and Medway's is a draft and Medway schools have not started. Each of those three
 * agencies has a preparer and a signatory.
 */

/** Five working days before the Q3 due date. */
export const Q3_DUE_SOON_DAY = '2027-01-25';

/** Everyone at the three agencies whose Q3 return is not in, sorted. */
export const Q3_NOT_IN = [
  'education.head@mscp.example',
  'education@mscp.example',
  'health.officer@mscp.example',
  'health@mscp.example',
  'police.officer@mscp.example',
  'police@mscp.example',
];
