// The category-suggestion corpus written for this platform (see README.md in this folder).
// TRAINING is what the model starts from; HELD_OUT is only ever used to measure it.
import heldOut from './held-out';
import training1 from './training-1';
import training2 from './training-2';
import training3 from './training-3';

export const TRAINING_CORPUS = [training1, training2, training3].join('\n');
export const HELD_OUT_CORPUS = heldOut;
