// Failures of the terminal features: a pager that cannot be started, a prompt left with Ctrl-C.
import { ConfigurationError, Interrupted } from '../runtime/errors';

/** The pager could not be started (awscli's PagerInitializationException): `detail` is the OS error. */
export class PagerError extends ConfigurationError {}

/** Ctrl-C or Ctrl-D in the prompt (awscli's PrompterKeyboardInterrupt): the message is the line so far. */
export class PromptInterrupted extends Interrupted {}
