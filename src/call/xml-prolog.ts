// The grammar of the prolog and the internal DTD subset as expat checks it: a state machine that
// gives each prolog token a role, or ROLE_ERROR ("syntax error") when the token cannot come
// next. Only what a document entity can reach is here (no external subset, no conditional
// sections).
import { matchesAscii } from './xml-token-parts';
import type { Tokenizer } from './xml-tokens';
import * as tokens from './xml-tokens';

// local copies of the constants (see xml-tokens.ts)
const { TOK_BOM, TOK_CLOSE_BRACKET, TOK_CLOSE_PAREN, TOK_CLOSE_PAREN_ASTERISK, TOK_CLOSE_PAREN_PLUS,
  TOK_CLOSE_PAREN_QUESTION, TOK_COMMA, TOK_COMMENT, TOK_DECL_CLOSE, TOK_DECL_OPEN, TOK_INSTANCE_START,
  TOK_LITERAL, TOK_NAME, TOK_NAME_ASTERISK, TOK_NAME_PLUS, TOK_NAME_QUESTION, TOK_NMTOKEN, TOK_NONE,
  TOK_OPEN_BRACKET, TOK_OPEN_PAREN, TOK_OR, TOK_PARAM_ENTITY_REF, TOK_PERCENT, TOK_PI, TOK_POUND_NAME,
  TOK_PREFIXED_NAME, TOK_PROLOG_S, TOK_XML_DECL } = tokens;

export const ROLE_ERROR = -1;
export const ROLE_NONE = 0;
export const ROLE_XML_DECL = 1;
export const ROLE_INSTANCE_START = 2;
export const ROLE_DOCTYPE_NAME = 3;
export const ROLE_DOCTYPE_SYSTEM_ID = 4;
export const ROLE_DOCTYPE_PUBLIC_ID = 5;
export const ROLE_DOCTYPE_CLOSE = 6;
export const ROLE_GENERAL_ENTITY_NAME = 7;
export const ROLE_PARAM_ENTITY_NAME = 8;
export const ROLE_ENTITY_VALUE = 9;
export const ROLE_ENTITY_SYSTEM_ID = 10;
export const ROLE_ENTITY_PUBLIC_ID = 11;
export const ROLE_ENTITY_NOTATION_NAME = 12;
export const ROLE_NOTATION_PUBLIC_ID = 13;
export const ROLE_ATTLIST_ELEMENT_NAME = 14;
export const ROLE_ATTRIBUTE_NAME = 15;
/** ROLE_ATTRIBUTE_TYPE + i for CDATA, ID, IDREF, IDREFS, ENTITY, ENTITIES, NMTOKEN, NMTOKENS. */
export const ROLE_ATTRIBUTE_TYPE = 16;
export const ROLE_ATTRIBUTE_ENUM_VALUE = 24;
export const ROLE_ATTRIBUTE_NOTATION_VALUE = 25;
export const ROLE_IMPLIED_ATTRIBUTE_VALUE = 26;
export const ROLE_REQUIRED_ATTRIBUTE_VALUE = 27;
export const ROLE_DEFAULT_ATTRIBUTE_VALUE = 28;
export const ROLE_FIXED_ATTRIBUTE_VALUE = 29;
export const ROLE_GROUP_OPEN = 30;
export const ROLE_GROUP_CHOICE = 31;
export const ROLE_GROUP_SEQUENCE = 32;
export const ROLE_PARAM_ENTITY_REF = 33;
/** Roles the parser does nothing with (white space, keywords, names of element declarations…). */
export const ROLE_OTHER = 34;

const ATTRIBUTE_TYPES = ['CDATA', 'ID', 'IDREF', 'IDREFS', 'ENTITY', 'ENTITIES', 'NMTOKEN', 'NMTOKENS'];

type State =
  | 'prolog0' | 'prolog1' | 'prolog2' | 'doctype0' | 'doctype1' | 'doctype2' | 'doctype3' | 'doctype4'
  | 'doctype5' | 'internalSubset' | 'entity0' | 'entity1' | 'entity2' | 'entity3' | 'entity4' | 'entity5'
  | 'entity6' | 'entity7' | 'entity8' | 'entity9' | 'entity10' | 'notation0' | 'notation1' | 'notation2'
  | 'notation3' | 'notation4' | 'attlist0' | 'attlist1' | 'attlist2' | 'attlist3' | 'attlist4' | 'attlist5'
  | 'attlist6' | 'attlist7' | 'attlist8' | 'attlist9' | 'element0' | 'element1' | 'element2' | 'element3'
  | 'element4' | 'element5' | 'element6' | 'element7' | 'declClose' | 'error';

export class PrologGrammar {
  private state: State = 'prolog0';
  /** Nesting of parentheses in an element declaration. */
  level = 0;

  /** The role of the token [from, to) of kind tok. */
  role(tok: number, from: number, to: number, t: Tokenizer): number {
    const u = t.enc.unit;
    const word = (w: string) => matchesAscii(t, from, to, w);
    /** `<!KEYWORD` */
    const declaration = (w: string) => matchesAscii(t, from + 2 * u, to, w);
    const go = (state: State, role = ROLE_OTHER) => {
      this.state = state;
      return role;
    };
    if (tok === TOK_PROLOG_S && this.state !== 'error') return this.state === 'prolog0' ? go('prolog1') : ROLE_OTHER;
    switch (this.state) {
      case 'prolog0':
        if (tok === TOK_XML_DECL) return go('prolog1', ROLE_XML_DECL);
        if (tok === TOK_BOM) return ROLE_NONE;
        if (tok === TOK_PI || tok === TOK_COMMENT) return go('prolog1');
        if (tok === TOK_DECL_OPEN && declaration('DOCTYPE')) return go('doctype0');
        if (tok === TOK_INSTANCE_START) return go('error', ROLE_INSTANCE_START);
        break;
      case 'prolog1':
      case 'prolog2':
        if (tok === TOK_PI || tok === TOK_COMMENT) return ROLE_OTHER;
        if (this.state === 'prolog1' && tok === TOK_DECL_OPEN && declaration('DOCTYPE')) return go('doctype0');
        if (tok === TOK_INSTANCE_START) return go('error', ROLE_INSTANCE_START);
        break;
      case 'doctype0':
        if (tok === TOK_NAME || tok === TOK_PREFIXED_NAME) return go('doctype1', ROLE_DOCTYPE_NAME);
        break;
      case 'doctype1':
      case 'doctype4':
      case 'doctype5':
        if (this.state === 'doctype1' && tok === TOK_NAME && word('SYSTEM')) return go('doctype3');
        if (this.state === 'doctype1' && tok === TOK_NAME && word('PUBLIC')) return go('doctype2');
        if (this.state !== 'doctype5' && tok === TOK_OPEN_BRACKET) return go('internalSubset');
        if (tok === TOK_DECL_CLOSE) return go('prolog2', ROLE_DOCTYPE_CLOSE);
        break;
      case 'doctype2':
        if (tok === TOK_LITERAL) return go('doctype3', ROLE_DOCTYPE_PUBLIC_ID);
        break;
      case 'doctype3':
        if (tok === TOK_LITERAL) return go('doctype4', ROLE_DOCTYPE_SYSTEM_ID);
        break;
      case 'internalSubset':
        if (tok === TOK_DECL_OPEN) {
          if (declaration('ENTITY')) return go('entity0');
          if (declaration('ATTLIST')) return go('attlist0');
          if (declaration('ELEMENT')) return go('element0');
          if (declaration('NOTATION')) return go('notation0');
          break;
        }
        if (tok === TOK_PI || tok === TOK_COMMENT || tok === TOK_NONE) return ROLE_OTHER;
        if (tok === TOK_PARAM_ENTITY_REF) return ROLE_PARAM_ENTITY_REF;
        if (tok === TOK_CLOSE_BRACKET) return go('doctype5');
        break;
      case 'entity0':
        if (tok === TOK_PERCENT) return go('entity1');
        if (tok === TOK_NAME) return go('entity2', ROLE_GENERAL_ENTITY_NAME);
        break;
      case 'entity1':
        if (tok === TOK_NAME) return go('entity7', ROLE_PARAM_ENTITY_NAME);
        break;
      case 'entity2':
      case 'entity7': {
        const general = this.state === 'entity2';
        if (tok === TOK_NAME && word('SYSTEM')) return go(general ? 'entity4' : 'entity9');
        if (tok === TOK_NAME && word('PUBLIC')) return go(general ? 'entity3' : 'entity8');
        if (tok === TOK_LITERAL) return go('declClose', ROLE_ENTITY_VALUE);
        break;
      }
      case 'entity3':
      case 'entity8':
        if (tok === TOK_LITERAL) return go(this.state === 'entity3' ? 'entity4' : 'entity9', ROLE_ENTITY_PUBLIC_ID);
        break;
      case 'entity4':
      case 'entity9':
        if (tok === TOK_LITERAL) return go(this.state === 'entity4' ? 'entity5' : 'entity10', ROLE_ENTITY_SYSTEM_ID);
        break;
      case 'entity5':
      case 'entity10':
        if (this.state === 'entity5' && tok === TOK_NAME && word('NDATA')) return go('entity6');
        if (tok === TOK_DECL_CLOSE) return go('internalSubset');
        break;
      case 'entity6':
        if (tok === TOK_NAME) return go('declClose', ROLE_ENTITY_NOTATION_NAME);
        break;
      case 'notation0':
        if (tok === TOK_NAME) return go('notation1');
        break;
      case 'notation1':
        if (tok === TOK_NAME && word('SYSTEM')) return go('notation3');
        if (tok === TOK_NAME && word('PUBLIC')) return go('notation2');
        break;
      case 'notation2':
        if (tok === TOK_LITERAL) return go('notation4', ROLE_NOTATION_PUBLIC_ID);
        break;
      case 'notation3':
        if (tok === TOK_LITERAL) return go('declClose');
        break;
      case 'notation4':
        if (tok === TOK_LITERAL) return go('declClose');
        if (tok === TOK_DECL_CLOSE) return go('internalSubset');
        break;
      case 'attlist0':
        if (tok === TOK_NAME || tok === TOK_PREFIXED_NAME) return go('attlist1', ROLE_ATTLIST_ELEMENT_NAME);
        break;
      case 'attlist1':
        if (tok === TOK_DECL_CLOSE) return go('internalSubset');
        if (tok === TOK_NAME || tok === TOK_PREFIXED_NAME) return go('attlist2', ROLE_ATTRIBUTE_NAME);
        break;
      case 'attlist2':
        if (tok === TOK_NAME) {
          const i = ATTRIBUTE_TYPES.findIndex(word);
          if (i >= 0) return go('attlist8', ROLE_ATTRIBUTE_TYPE + i);
          if (word('NOTATION')) return go('attlist5');
          break;
        }
        if (tok === TOK_OPEN_PAREN) return go('attlist3');
        break;
      case 'attlist3':
        if (tok === TOK_NMTOKEN || tok === TOK_NAME || tok === TOK_PREFIXED_NAME) return go('attlist4', ROLE_ATTRIBUTE_ENUM_VALUE);
        break;
      case 'attlist4':
        if (tok === TOK_CLOSE_PAREN) return go('attlist8');
        if (tok === TOK_OR) return go('attlist3');
        break;
      case 'attlist5':
        if (tok === TOK_OPEN_PAREN) return go('attlist6');
        break;
      case 'attlist6':
        if (tok === TOK_NAME) return go('attlist7', ROLE_ATTRIBUTE_NOTATION_VALUE);
        break;
      case 'attlist7':
        if (tok === TOK_CLOSE_PAREN) return go('attlist8');
        if (tok === TOK_OR) return go('attlist6');
        break;
      case 'attlist8':
        if (tok === TOK_POUND_NAME) {
          const pound = (w: string) => matchesAscii(t, from + u, to, w);
          if (pound('IMPLIED')) return go('attlist1', ROLE_IMPLIED_ATTRIBUTE_VALUE);
          if (pound('REQUIRED')) return go('attlist1', ROLE_REQUIRED_ATTRIBUTE_VALUE);
          if (pound('FIXED')) return go('attlist9');
          break;
        }
        if (tok === TOK_LITERAL) return go('attlist1', ROLE_DEFAULT_ATTRIBUTE_VALUE);
        break;
      case 'attlist9':
        if (tok === TOK_LITERAL) return go('attlist1', ROLE_FIXED_ATTRIBUTE_VALUE);
        break;
      case 'element0':
        if (tok === TOK_NAME || tok === TOK_PREFIXED_NAME) return go('element1');
        break;
      case 'element1':
        if (tok === TOK_NAME && (word('EMPTY') || word('ANY'))) return go('declClose');
        if (tok === TOK_OPEN_PAREN) {
          this.level = 1;
          return go('element2', ROLE_GROUP_OPEN);
        }
        break;
      case 'element2':
        if (tok === TOK_POUND_NAME) {
          if (matchesAscii(t, from + u, to, 'PCDATA')) return go('element3');
          break;
        }
        if (tok === TOK_OPEN_PAREN) {
          this.level = 2;
          return go('element6', ROLE_GROUP_OPEN);
        }
        if (isContentName(tok)) return go('element7');
        break;
      case 'element3':
        if (tok === TOK_CLOSE_PAREN || tok === TOK_CLOSE_PAREN_ASTERISK) return go('declClose');
        if (tok === TOK_OR) return go('element4');
        break;
      case 'element4':
        if (tok === TOK_NAME || tok === TOK_PREFIXED_NAME) return go('element5');
        break;
      case 'element5':
        if (tok === TOK_CLOSE_PAREN_ASTERISK) return go('declClose');
        if (tok === TOK_OR) return go('element4');
        break;
      case 'element6':
        if (tok === TOK_OPEN_PAREN) {
          this.level++;
          return ROLE_GROUP_OPEN;
        }
        if (isContentName(tok)) return go('element7');
        break;
      case 'element7':
        if (tok === TOK_CLOSE_PAREN || tok === TOK_CLOSE_PAREN_ASTERISK || tok === TOK_CLOSE_PAREN_QUESTION || tok === TOK_CLOSE_PAREN_PLUS) {
          this.level--;
          if (this.level === 0) this.state = 'declClose';
          return ROLE_OTHER;
        }
        if (tok === TOK_COMMA) return go('element6', ROLE_GROUP_SEQUENCE);
        if (tok === TOK_OR) return go('element6', ROLE_GROUP_CHOICE);
        break;
      case 'declClose':
        if (tok === TOK_DECL_CLOSE) return go('internalSubset');
        break;
      case 'error':
        return ROLE_NONE;
    }
    this.state = 'error';
    return ROLE_ERROR;
  }
}

function isContentName(tok: number): boolean {
  return tok === TOK_NAME || tok === TOK_PREFIXED_NAME || tok === TOK_NAME_QUESTION || tok === TOK_NAME_ASTERISK || tok === TOK_NAME_PLUS;
}
