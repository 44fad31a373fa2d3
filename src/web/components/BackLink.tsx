import { Anchor, type AnchorProps as AnchorProps_ } from '@mantine/core';
import { createLink, useRouter, useRouterState } from '@tanstack/react-router';
import { type AnchorHTMLAttributes, forwardRef, useEffect } from 'react';
import { useTranslation } from 'react-i18next';

// Back links go back where the user came from when that was a page of this app (a person opened
// from a referral goes back to the referral), else to their fallback (the list). The pages seen
// in this tab are remembered by their place in the browser history.

const seen = new Map<number, string>();
/** pages one never wants to go back to: a form already submitted, the sign-in steps */
const NOT_BACK = /(\/new|\/screening|\/refer-to-hospital)$|^\/(sign-in|change-password|enrol-totp)/;

/** Remembers each page shown, by its history index; the signed-in layout calls it once. */
export function useTrackHistory(): void {
  const location = useRouterState({ select: (s) => s.location });
  const index = location.state.__TSR_index;
  useEffect(() => {
    if (typeof index === 'number') rememberPage(index, location.pathname);
  }, [index, location.pathname]);
}

export function rememberPage(index: number, pathname: string): void {
  seen.set(index, pathname);
}

/** The in-app page before this one in the history, if it is one to go back to. */
export function previousPage(index: number | undefined): string | null {
  if (typeof index !== 'number' || index === 0) return null;
  const previous = seen.get(index - 1);
  return previous && !NOT_BACK.test(previous) ? previous : null;
}

/** For tests: forget what was seen. */
export const forgetHistory = () => seen.clear();

type AnchorProps = AnchorProps_ & Omit<AnchorHTMLAttributes<HTMLAnchorElement>, 'color' | 'style'>;

/** The anchor under the router's link: goes back in history instead when there is a page to go back to. */
const BackAnchor = forwardRef<HTMLAnchorElement, AnchorProps>(({ children, onClick, ...props }, ref) => {
  const { t } = useTranslation();
  const router = useRouter();
  const index = useRouterState({ select: (s) => s.location.state.__TSR_index });
  const back = previousPage(index);
  return (
    <Anchor
      ref={ref}
      size="sm"
      data-testid="back-link"
      {...props}
      onClick={(e) => {
        if (back && !e.metaKey && !e.ctrlKey && !e.shiftKey) {
          e.preventDefault();
          router.history.back();
          return;
        }
        onClick?.(e);
      }}
    >
      {back ? t('shell.back') : children}
    </Anchor>
  );
});

/** `to` and its label (e.g. "← All users"): where to go when there is no in-app page to go back to. */
export const BackLink = createLink(BackAnchor);
