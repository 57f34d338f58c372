/**
 * The traditional → simplified converter (OpenCC data via opencc-js): Taiwan and
 * Hong Kong variants to OpenCC standard, then standard traditional to simplified.
 * Importing this module installs it into normalize.ts.
 */
import { ConverterFactory } from 'opencc-js/core';
import HKVariantsRev from 'opencc-js/dict/HKVariantsRev';
import TSCharacters from 'opencc-js/dict/TSCharacters';
import TSPhrases from 'opencc-js/dict/TSPhrases';
import TWVariantsRev from 'opencc-js/dict/TWVariantsRev';
import { setSimplifier } from './normalize.ts';

export const simplify: (text: string) => string = ConverterFactory([TWVariantsRev, HKVariantsRev], [TSPhrases, TSCharacters]);
setSimplifier(simplify);
