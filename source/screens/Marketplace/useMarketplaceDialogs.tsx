import { useCallback } from 'react';
import { useShell } from '../../app/ShellContext.js';
import type { MarketplaceSession } from '../../app/session/MarketplaceSession.js';
import { useAppStore } from '../../app/store/useAppState.js';
import type { MarketplaceListing } from '../../core/marketplace/searchMarketplace.js';
import { TEXT_PROMPT_DIALOG_HEIGHT, TextPromptDialog } from '../Profiles/TextPromptDialog.js';

const describe = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** The release an approver decides on: the oldest submission, the order they came in. */
export function submittedRelease(listing: MarketplaceListing) {
  return listing.entry.releases.find((release) => release.status === 'submitted');
}

/**
 * The `:marketplace` page's typed questions: an approver's reason (and, for a release with high
 * scan findings, why they are acceptable) and a rating's short review text. A refusal from the core
 * is shown in the dialog with the text kept, so a typo is not retyped.
 */
export function useMarketplaceDialogs(
  marketplace: MarketplaceSession | undefined,
  width: number,
  reload: () => void,
) {
  const shell = useShell();
  const store = useAppStore();

  const prompt = useCallback(
    (title: string, question: string, onSubmit: (text: string) => Promise<string | undefined>) =>
      shell.showModal({
        height: TEXT_PROMPT_DIALOG_HEIGHT,
        node: (
          <TextPromptDialog
            // A question that follows another is a new field, not the last one's text kept.
            key={title}
            title={title}
            prompt={question}
            width={width}
            onCancel={shell.closeModal}
            onSubmit={onSubmit}
          />
        ),
      }),
    [shell, width],
  );

  const review = useCallback(
    (listing: MarketplaceListing, decision: 'approve' | 'reject') => {
      const release = submittedRelease(listing);
      if (!marketplace || !release) return;
      const label = `${listing.entry.slug}@${release.version}`;
      const decide = async (reason: string, scanOverride?: string) => {
        try {
          await marketplace.review(listing, {
            version: release.version,
            decision,
            reason,
            ...(scanOverride ? { scanOverride } : {}),
          });
        } catch (error) {
          return describe(error);
        }
        shell.closeModal();
        store.flash('success', `${decision === 'approve' ? 'Approved' : 'Rejected'} ${label}: ${reason}`);
        reload();
        return undefined;
      };
      const verb = decision === 'approve' ? 'Approve' : 'Reject';
      prompt(
        `${verb} ${label}`,
        `Why ${decision === 'approve' ? 'approve' : 'reject'} it (signed, shown to everyone):`,
        async (typed) => {
          const reason = typed.trim();
          if (reason === '') return 'A review needs a reason, or Esc to cancel.';
          if (decision === 'reject' || release.scan.high === 0) return decide(reason);
          // High findings block approval unless the approver says, separately, why they are acceptable.
          prompt(
            `Override ${release.scan.high} high scan finding(s) in ${label}`,
            'Why are the high findings acceptable?',
            async (typedOverride) => {
              const override = typedOverride.trim();
              if (override === '') return 'Approving with high findings needs a reason, or Esc to cancel.';
              return decide(reason, override);
            },
          );
          return undefined;
        },
      );
    },
    [marketplace, prompt, shell, store, reload],
  );

  const rate = useCallback(
    (listing: MarketplaceListing, version: string, stars: number) => {
      if (!marketplace) return;
      const label = `${listing.entry.slug}@${version}`;
      prompt(`Rate ${label} ${stars}/5`, 'A short review (optional; Enter rates):', async (typed) => {
        const text = typed.trim();
        try {
          await marketplace.rate(listing, version, stars, text);
        } catch (error) {
          return describe(error);
        }
        shell.closeModal();
        store.flash('success', `Rated ${label} ${stars}/5${text ? `: ${text}` : ''}`);
        reload();
        return undefined;
      });
    },
    [marketplace, prompt, shell, store, reload],
  );

  return { review, rate };
}
