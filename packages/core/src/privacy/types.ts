/**
 * Shared shapes for the residual-identifier finders (privacy rules and maskIdentifiers). Pure
 * types: no runtime code, and nothing here ever holds or logs the text it describes.
 */

/** The identifier kinds sourdough looks for; each has a `privacy/<kind>` rule. */
export type IdentifierKind =
  | 'nhs-number'
  | 'ni-number'
  | 'postcode'
  | 'phone-number'
  | 'email'
  | 'date-of-birth'
  | 'person-name'
  | 'street-address'
  | 'vehicle-registration';

/** One identifier found in a sentence: [start, end) relative to the text the finder was given. */
export interface IdentifierHit {
  kind: IdentifierKind;
  start: number;
  end: number;
  /** An official fictional or test value (Ofcom drama number, NHS test range, example.org…). */
  fictional?: boolean;
  /** Found without a confirming cue (e.g. an old date with no "DOB"): reported at `info`. */
  weak?: boolean;
}

/**
 * A finder looks at one sentence and returns the identifiers in it. Sentences are the unit
 * because every cue ("NHS no", "DOB", "switchboard") must sit in the same sentence.
 */
export type IdentifierFinder = (sentence: string) => IdentifierHit[];
