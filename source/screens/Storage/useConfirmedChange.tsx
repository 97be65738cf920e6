import { describeError } from '../../app/describeError.js';
import { useShell } from '../../app/ShellContext.js';
import { useAppStore } from '../../app/store/useAppState.js';
import { CONFIRM_DIALOG_HEIGHT, ConfirmDialog } from '../../components/ConfirmDialog.js';

/** A change to a file system that runs once its name is typed, then says how it went. */
export interface ConfirmedChange<T> {
  title: string;
  message: string;
  /** What must be typed: the file system's name. */
  name: string;
  perform: () => Promise<T>;
  /** Flashed when it worked (made from what it made). */
  success: string | ((result: T) => string);
  /** Flashed before the error's message when it did not. */
  failure: string;
}

/**
 * The storage page's typed confirmation for creating and deleting file systems (EFS and FSx): the
 * dialog closes on Enter, the change runs in the background, and the page lists again once it worked.
 */
export function useConfirmedChange(reload: () => void): <T>(change: ConfirmedChange<T>) => void {
  const shell = useShell();
  const store = useAppStore();
  return <T,>(change: ConfirmedChange<T>) =>
    shell.showModal({
      height: CONFIRM_DIALOG_HEIGHT,
      node: (
        <ConfirmDialog
          title={change.title}
          message={change.message}
          confirmText={change.name}
          onCancel={shell.closeModal}
          onConfirm={() => {
            shell.closeModal();
            change.perform().then(
              (result) => {
                store.flash(
                  'success',
                  typeof change.success === 'string' ? change.success : change.success(result),
                );
                reload();
              },
              (error: unknown) => {
                const { message, hint } = describeError(error);
                store.flash('error', `${change.failure}: ${message}`, hint);
              },
            );
          }}
        />
      ),
    });
}
