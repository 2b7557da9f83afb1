/**
 * cheapest-option: cost framed as the deciding reason for a person's support ("the most
 * cost-effective option", "the cheapest provider", "the provider with the lowest cost", "could be
 * met more cheaply", "within the indicative budget", "the panel will not agree", "residential care
 * would be cheaper", "a care home would be cheaper", "would work out much cheaper", "the cheapest provision", "the least expensive
 * college", "the least costly agency"). Not
 * reported when the sentence is not about support ("Jack found the cheapest phone deal") or when
 * it records that the options compared all meet the person's outcomes, which is what statutory
 * guidance para 10.27 allows. Pure; cheap: the trigger lets through only sentences with "cheap",
 * "cost-effective", "expensive", "costs more/less than", "lowest", "indicative" or "panel".
 */
import type { Detector } from './types.js';
import { blankMatch } from '../chars.js';

/** Phrases that make cost the deciding reason wherever they appear about support. */
const FRAMING = new RegExp(
  [
    String.raw`\b(?:(?:residential|nursing)\s+(?:care|home|placement)|(?:a|the)\s+care\s+home(?:\s+placement)?)\s+(?:would|will|is|might|may|could)\s+(?:(?:probably|possibly|perhaps|likely|certainly|definitely|surely)\s+)?(?:be\s+|work\s+out\s+)?(?:(?:much|far|a\s+lot|considerably)\s+)?(?:cheaper|cheeper|more\s+cost[\s-]?effective|less\s+expensive|better\s+value)\b(?!\s+to\s+(?:heat|run|build|insure|light|clean|maintain|staff|repair)\b)`,
    String.raw`\b(?:cheaper|cheeper|more\s+cost[\s-]?effective|less\s+expensive)\s+(?:in|for)\s+(?:a\s+)?(?:care|nursing|residential)\s+home\b`,
    String.raw`\b(?:the\s+|a\s+)?(?:cheapest|cheepest|cheapist|cheaper|cheeper|least\s+expensive|less\s+expensive|least\s+costly|less\s+costly|lowest[\s-]+cost|lower[\s-]+cost|lowest[\s-]+priced|lower[\s-]+priced|most\s+economical|more\s+economical)\s+(?:of\s+the\s+(?:two\s+|three\s+|four\s+|2\s+|3\s+)?)?(?:(?:suitable|available|appropriate|possible|acceptable|local)\s+)?(?:option|options|provider|providers|agency|agencies|placement|placements|package|packages|care\s+home|home|service|services|way|solution|alternative|bid|quote|care|support|offer|choice|route|provision|provisions|setting|settings|college|colleges|day\s+service|day\s+services|adaptation|adaptations|equipment)\b`,
    String.raw`\b(?:the\s+)?(?:most|more)\s+cost[\s-]?effective(?:\s+(?:option|provider|placement|package|way|solution|alternative|choice|service|route|provision|setting|college))?`,
    String.raw`\bcost[\s-]?effective\s+(?:option|provider|placement|package|solution|alternative|choice)`,
    String.raw`\b(?:could|can|would|might|should)\s+be\s+(?:met|provided|delivered|arranged|done|sourced)\s+(?:more\s+cheaply|at\s+(?:a\s+)?(?:lower|less)\s+cost|for\s+less)`,
    String.raw`\bmore\s+cheaply\b`,
    String.raw`\b(?:within|inside|over|above|exceeds?|exceeding|beyond)\s+(?:the\s+|his\s+|her\s+|their\s+)?indicative\s+(?:budget|allocation|amount|sum|figure|personal\s+budget)`,
    String.raw`\bindicative\s+(?:budget|allocation)\s+(?:is|was|of|only)\b`,
    String.raw`\bpanel\s+(?:will|would|is\s+unlikely\s+to|are\s+unlikely\s+to|won['’]t|wouldn['’]t|will\s+not|would\s+not|is\s+not\s+likely\s+to|may\s+not|might\s+not|never)\s+(?:not\s+)?(?:agree|approve|accept|fund|sign\s+(?:this\s+|it\s+)?off|support|sanction|authorise|authorize)\b`,
    String.raw`\b(?:was|is|being|were|are|would\s+be)\s+(?:the\s+)?(?:cheapest|cheepest|cheapist|lowest[\s-]+cost|least\s+expensive)\b`,
    // After the noun: "went to the provider with the lowest cost", "the agency that offered the cheapest rate".
    String.raw`\b(?:provider|providers|option|options|agency|agencies|home|care\s+home|service|quote|bid|placement|company)\s+(?:with|offering|(?:that|which)\s+(?:has|had|offered|offers|gave|gives|quoted|charged|charges|came\s+in\s+at|comes\s+in\s+at|come\s+in\s+at))\s+the\s+(?:lowest|cheapest|cheepest|cheapist)\s+(?:cost|costs|price|prices|rate|rates|hourly\s+rate|quote|bid|fee|fees|tender)\b`,
    String.raw`\b(?:cheaper|cheeper|more\s+expensive|less\s+expensive|dearer|costlier|more\s+costly|less\s+costly)\s+than\b`,
    String.raw`\bcosts?\s+(?:far\s+|much\s+|a\s+lot\s+)?(?:more|less)\s+than\b`,
    // Cost given as the reason: "we went with Beechwood because it is cheaper", "because the
    // agency would be less expensive".
    String.raw`\bbecause\s+(?:[\w'’-]+\s+){1,3}?(?:is|was|are|were|would\s+be|will\s+be|works\s+out)\s+(?:much\s+|far\s+|a\s+lot\s+|slightly\s+|a\s+bit\s+)?(?:cheaper|cheeper|less\s+expensive|more\s+cost[\s-]?effective|more\s+economical)\b`,
    // Support refused as not "value for money", with no word on the person's outcomes: "the
    // sitting service would not represent good value for money", "is not good value for money".
    String.raw`\b(?:(?:is|was|are|were|would|will|does|do|did|could|might)\s+not|(?:isn|wasn|aren|weren|wouldn|won|doesn|don|didn|couldn)['’]t)(?:,\s[^,.;]{1,30},)?\s+(?:(?:represent|offer|provide|be|give|constitute|deliver)\s+)?(?:good\s+|best\s+|sufficient\s+|the\s+best\s+)?value\s+for\s+money\b`,
  ].join('|'),
  'gi',
);

/**
 * "the most cost-effective" and similar are only about support when the sentence says so. Equipment
 * and adaptations are support too ("a modular ramp was chosen as the most cost-effective solution").
 */
const SUPPORT_CONTEXT = /\b(?:top[\s-]?ups?|top\s+(?:it|this|that|the\s+fees?)\s+up|support|care|package|placement|provider|agency|home|hours|visits?|needs?|outcomes?|plan|budget|panel|funding|fund|funded|service|services|personal\s+assistant|PA|direct\s+payments?|carers?|option|options|respite|short\s+breaks?|day\s+(?:centre|service|opportunities)|residential|nursing|supported\s+living|tenancy|transport|provisions?|adaptations?|equipment|ramps?|(?:bath|stair|through[\s-]floor|step|vertical|platform)[\s-]?lifts?|hoists?|wet\s+rooms?|level[\s-]access\s+showers?|grab\s+rails?|Disabled\s+Facilities\s+Grants?|DFGs?)\b/i;
/** Nouns that are support only as the thing costed ("the cheapest college"), not as context ("the cheapest way to college"). */
const SUPPORT_NOUN = /\b(?:settings?|colleges?)\b/i;

/** "the cheapest way to college": a route, not the support costed. */
const WAY = /\b(?:way|route)\b/i;

/** The person's own purchases, where "cheapest" is ordinary thrift, not a decision about support. */
const PERSONAL_SHOPPING = /\b(?:phone|mobile|tariff|deal|broadband|energy|gas|electricity|insurance|supermarket|shop|shopping|trainers|clothes|groceries|food|flights?|tickets?|holiday\s+deal|rent|renting|mortgage|landlord|flat|house\s+move)\b/i;

/**
 * Accommodation the service arranges or funds: a room in a hostel or supported accommodation chosen
 * as "the cheapest option" is a decision about the person's support, even when the sentence also
 * says "flat" or "rent" (a housing letter: "a flat is not possible and the hostel room is the
 * cheapest option"), so the person's-own-purchases check does not apply.
 */
const ARRANGED_ACCOMMODATION = /\b(?:hostels?|supported\s+(?:accommodation|housing|lodgings)|temporary\s+accommodation|bed\s+and\s+breakfast|B&B|night\s+shelter|refuge)\b/i;

/** Reasons that make a cost comparison lawful: every option compared meets the outcomes. */
const REASONED = /\b(?:both|all|each|either)\s+(?:of\s+(?:the|these|them)\s+)?(?:\w+\s+){0,3}(?:meets?|met|would\s+meet|will\s+meet|can\s+meet|could\s+meet)\s+(?:(?:Mrs|Mr|Ms|Miss|Mx|Dr)\.?\s+)?(?:\w+['’]s\s+|his\s+|her\s+|their\s+|the\s+)?(?:eligible\s+)?(?:needs|outcomes)|\b(?:that|which)\s+(?:also\s+)?(?:meets?|will\s+meet|would\s+meet|can\s+meet)\s+(?:all\s+)?(?:(?:Mrs|Mr|Ms|Miss|Mx|Dr)\.?\s+)?(?:\w+['’]s\s+|his\s+|her\s+|their\s+)(?:eligible\s+)?(?:needs|outcomes)|\bequally\s+(?:suitable|able)|\b(?:both|all)\s+(?:options\s+|homes\s+|providers\s+)?(?:are\s+)?suitable\b/i;
/** The person's own choice between options ("Jack chose the cheaper provider") is theirs to make. */
const PERSON_CHOSE = /\b(?:[Ss]he|[Hh]e|[Tt]hey|(?!(?:The|Panel|Council|Manager|Commissioners?|Team|Service|Provider|Agency|We|It|This|That)\b)[A-Z][a-z]+)\s+(?:chose|prefers|preferred|picked|decided\s+on|asked\s+for|wanted|agreed\s+to|agreed\s+with)\b/;

/** "Jack visited both homes and chose …": a named person (not an organisation) leads the sentence. */
const PERSON_AND_CHOSE = /^\s*(?:(?:Mrs|Mr|Ms|Miss|Mx|Dr)\.?\s+)?(?!(?:The|A|An|Panel|Council|Manager|Commissioners?|Team|Service|Provider|Agency|We|It|This|That|Staff)\b)[A-Z][a-z]+\b[^.;]*\b(?:and|then)\s+(?:chose|agreed\s+to|preferred|picked|decided\s+on)\b/;

/** An option set aside, to the end of its clause: "instead of the taxi Tegan asked for", "rather than the agency Jo preferred". */
const OVERRIDDEN_CHOICE = /\b(?:instead\s+of|rather\s+than)\b[^,;.]*/gi;

/** The cheapest-option detector (rule `gatekeeping/cheapest-option`). */
export const cheapestOption: Detector = {
  meta: {
    name: 'cheapest-option',
    description: 'Cost framed as the deciding reason for support: cheapest option, most cost-effective, more cheaply, indicative budget, "the panel will not agree".',
    params: { type: 'object', additionalProperties: false, properties: {} },
    // Every alternative starts at a word start (\b), as every FRAMING phrase does, so the engine's
    // scan can list the places where it can match and the trigger is tried only there.
    // Also "cheepest" and "cheeper", as hurried notes spell them (GAT-05, GAT-14).
    trigger: /\bvalue\s+for\s+money\b|\bcheap|\bcheep(?:est|er)\b|\bcost[\s-]?effective|\bexpensive\b|\bdearer\b|\bcostl|\bcosts?\s+(?:far\s+|much\s+|a\s+lot\s+)?(?:more|less)\s+than\b|\blowe[rs]t?[\s-]+(?:cost|priced)|\blowest\b|\beconomical|\bindicative\b|\bpanel\b/gi,
  },
  create(ctx) {
    return {
      sentence(s) {
        FRAMING.lastIndex = 0;
        let m: RegExpExecArray | null;
        const found: [number, number][] = [];
        while ((m = FRAMING.exec(s.text))) found.push([m.index, m.index + m[0].length]);
        if (found.length === 0) return;
        let rest = s.text;
        for (const [a, b] of found) rest = rest.slice(0, a) + ' '.repeat(b - a) + rest.slice(b);
        const inherent = found.some(([a, b]) => {
          const phrase = s.text.slice(a, b);
          return (SUPPORT_CONTEXT.test(phrase) || SUPPORT_NOUN.test(phrase)) && !WAY.test(phrase);
        });
        if (!inherent && !SUPPORT_CONTEXT.test(rest)) return;
        if (PERSONAL_SHOPPING.test(rest) && !ARRANGED_ACCOMMODATION.test(rest)) return;
        if (REASONED.test(s.text)) return;
        // What the person chose, unless it is the option set aside: "the cheapest option, a shared
        // minibus, instead of the taxi Tegan asked for" overrides the person's choice.
        const chosen = rest.replace(OVERRIDDEN_CHOICE, blankMatch);
        if (PERSON_CHOSE.test(chosen) || PERSON_AND_CHOSE.test(chosen)) return;
        for (const [a, b] of found) ctx.report({ start: s.start + a, end: s.start + b });
      },
    };
  },
};
