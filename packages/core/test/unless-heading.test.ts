/** `unless` with `scope: heading`: a reader's heading over the match that names the process it records. */
import { describe, expect, it } from 'vitest';
import { analyse } from '../src/analyse.js';
import { markdown } from '../src/readers/markdown.js';
import { text } from '../src/readers/text.js';
import { repoRuleSet } from './helpers.js';

const set = repoRuleSet((r) => r.id === 'control/own-good');
const found = (doc: ReturnType<typeof markdown>) => analyse(doc, set).findings.map((f) => f.text);

describe('unless scope: heading (control/own-good)', () => {
  const decision = 'We weighed what Amira has always said about home. It is in Amira\'s best interests to stay at home with a night sitter, reviewed in six weeks.';

  it('is cancelled under a heading naming the capacity or best-interests process, at any shallower depth', () => {
    expect(found(markdown(`# Where Amira lives\n\n## Best interests\n\n${decision}\n`))).toEqual([]);
    expect(found(markdown(`# Capacity assessment and best interests decision: Amira\n\n## Options\n\n${decision}\n`))).toEqual([]);
  });

  it('is still reported under other headings, and in a section after the process ends', () => {
    expect(found(markdown(`# Amira's plan\n\n## Home\n\n${decision}\n`))).toEqual(["in Amira's best interests"]);
    expect(found(markdown(`# Amira's plan\n\n## Capacity\n\nShe can decide.\n\n## Home\n\n${decision}\n`))).toEqual(["in Amira's best interests"]);
  });

  it('is still reported under a heading that only addresses the court: a report for it asks for a decision not yet made', () => {
    expect(found(markdown(`# Statement to the Court of Protection: Amira\n\n## Home\n\n${decision}\n`))).toEqual(["in Amira's best interests"]);
    expect(found(markdown(`# Court of Protection order: Amira\n\n## Home\n\n${decision}\n`))).toEqual([]);
  });

  it("needs a reader's headings: a plain-text heading line is not read (a short line such as \"No capacity concerns\" would pass for one)", () => {
    expect(analyse(text(`Best interests\n\n${decision}\n`), set).findings.map((f) => f.text)).toEqual(["in Amira's best interests"]);
    expect(analyse(text(`No capacity concerns\n\n${decision}\n`), set).findings.map((f) => f.text)).toEqual(["in Amira's best interests"]);
  });
});

describe('unless scope: heading (dehumanising/birth-parents)', () => {
  const bp = repoRuleSet((r) => r.id === 'dehumanising/birth-parents');
  const line = 'Rosie lived with her birth mother until she was two, and then with her foster carers.';
  it('is cancelled under an adoption heading, where the legal distinction is needed', () => {
    expect(analyse(markdown(`# Adoption support plan: Rosie\n\n## About Rosie\n\n${line}\n`), bp).findings).toEqual([]);
  });
  it('is still reported under other headings', () => {
    expect(analyse(markdown(`# Rosie's care plan\n\n## About Rosie\n\n${line}\n`), bp).findings.map((f) => f.text)).toEqual(['birth mother']);
  });
});

describe('unless scope: heading (control/instructed)', () => {
  const ci = repoRuleSet((r) => r.id === 'control/instructed');
  const line = 'Being told to stop crying and go to my room.';
  it("is cancelled under the person's own heading for what does not help", () => {
    expect(analyse(markdown(`# My plan\n\n## What does not help me\n\n${line}\n`), ci).findings).toEqual([]);
    expect(analyse(markdown(`# My plan\n\n## Things that don't work\n\n- ${line}\n`), ci).findings).toEqual([]);
  });
  it('is still reported under other headings', () => {
    expect(analyse(markdown(`# My plan\n\n## What happened\n\nHe was told to stop crying and go to his room.\n`), ci).findings.map((f) => f.text)).toEqual(['was told to']);
  });
});

describe('unless scope: heading (jargon/mobilise)', () => {
  const mob = repoRuleSet((r) => r.id === 'jargon/mobilise');
  const line = 'Tomasz is mobilising with a frame indoors and one stick outside.';
  it("is cancelled under a heading that names physiotherapy: the physiotherapist's own section", () => {
    expect(analyse(markdown(`# Discharge summary\n\n## Physiotherapy\n\n${line}\n`), mob).findings).toEqual([]);
    expect(analyse(markdown(`# Community physio review: Tomasz\n\n## Progress\n\n${line}\n`), mob).findings).toEqual([]);
  });
  it('is still reported under other headings', () => {
    expect(analyse(markdown(`# Discharge summary\n\n## Getting home\n\n${line}\n`), mob).findings.map((f) => f.text)).toEqual(['mobilising']);
  });
});
