import { describeError } from '../../app/describeError.js';
import { useShell } from '../../app/ShellContext.js';
import { TEXT_PROMPT_DIALOG_HEIGHT, TextPromptDialog } from '../Profiles/TextPromptDialog.js';

/** One line the storage page asks for: create an EFS or FSx file system, unmount one. */
export interface TypedPrompt {
  title: string;
  prompt: string;
  /** A problem to show (the dialog stays open with the text kept), or undefined once done. */
  submit: (typed: string) => Promise<string | undefined>;
}

/** Shows a typed prompt over the page; an error thrown by `submit` shows as its message in the dialog. */
export function useTypedPrompt(width: number): (prompt: TypedPrompt) => void {
  const shell = useShell();
  return (prompt) =>
    shell.showModal({
      height: TEXT_PROMPT_DIALOG_HEIGHT,
      node: (
        <TextPromptDialog
          title={prompt.title}
          prompt={prompt.prompt}
          width={width}
          onCancel={shell.closeModal}
          onSubmit={async (typed) => {
            try {
              return await prompt.submit(typed);
            } catch (error) {
              return describeError(error).message;
            }
          }}
        />
      ),
    });
}
