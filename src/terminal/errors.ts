// How the prompt ends when it is not completed.
import { Interrupted } from '../runtime/errors';

/** Ctrl-C or Ctrl-D in the prompt (awscli's PrompterKeyboardInterrupt): the message is the line so far. */
export class PromptInterrupted extends Interrupted {}
