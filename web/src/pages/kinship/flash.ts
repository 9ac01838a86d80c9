import { createFlash } from '../../components/flash.js';

/** A success message carried from a kinship form or action to the page shown next. */
export const [setKinshipFlash, takeKinshipFlash] = createFlash();
