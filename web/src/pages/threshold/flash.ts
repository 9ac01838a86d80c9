import { createFlash } from '../../components/flash.js';

/** A success message carried from a threshold form to the threshold page. */
export const [setThresholdFlash, takeThresholdFlash] = createFlash();
