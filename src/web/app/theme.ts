import {
  type CSSVariablesResolver,
  createTheme,
  DEFAULT_THEME,
  Drawer,
  Loader,
  type MantineColorsTuple,
  Menu,
  Modal,
  mergeThemeOverrides,
} from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

// WCAG AA wants 4.5:1 for text. Mantine's palettes fall short where the app puts text: white on a
// filled teal button is 2.55:1, "dimmed" grey 3.3:1, red text 3.3:1. So text is drawn from shade 8
// (filled buttons, badges, links, `c="red"`) and 9 (light badges and alerts), and those shades are
// darkened where needed until they pass on white and on the pale tint (shade 1) they sit on.

/** a little over AA's 4.5:1, so that anti-aliasing and rounding never tip a pair under the line */
const TARGET = 4.7;

const rgb = (color: string) => [1, 3, 5].map((i) => Number.parseInt(color.slice(i, i + 2), 16));

function luminance(color: string): number {
  const [r = 0, g = 0, b = 0] = rgb(color).map((n) => {
    const v = n / 255;
    return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** The WCAG contrast ratio of two #rrggbb colours. */
export function contrast(a: string, b: string): number {
  const [x, y] = [luminance(a), luminance(b)];
  return (Math.max(x, y) + 0.05) / (Math.min(x, y) + 0.05);
}

const hex = (n: number) =>
  Math.round(Math.max(0, Math.min(255, n)))
    .toString(16)
    .padStart(2, '0');

/** The colour, darkened in small steps towards black until it reaches `ratio` on every background. */
export function darkenFor(color: string, backgrounds: string[], ratio = TARGET): string {
  let c = color;
  for (let step = 0; step < 100; step++) {
    if (backgrounds.every((bg) => contrast(c, bg) >= ratio)) return c;
    c = `#${rgb(c)
      .map((n) => hex(n * 0.96))
      .join('')}`;
  }
  return c;
}

/** A palette whose text shades (8 and 9) pass AA on white and on the palette's own pale tints. */
export function accessiblePalette(colors: MantineColorsTuple): MantineColorsTuple {
  const backgrounds = ['#ffffff', colors[0], colors[1]];
  const out = [...colors];
  out[8] = darkenFor(colors[8], backgrounds);
  // light-variant text on its hover tint (shade 2), e.g. the active link in the menu
  out[9] = darkenFor(colors[9], [...backgrounds, colors[2]]);
  return out as unknown as MantineColorsTuple;
}

const palettes = Object.fromEntries(
  Object.entries(DEFAULT_THEME.colors).map(([name, colors]) => [
    name,
    name === 'dark' ? colors : accessiblePalette(colors),
  ]),
) as Record<string, MantineColorsTuple>;

/** Helper text ("dimmed"): gray 6 is 3.3:1; this grey is 6:1 on white and over 5:1 on gray 0–2. */
export const DIMMED = '#5c636a';

export const theme = createTheme({
  primaryColor: 'teal',
  primaryShade: { light: 8, dark: 8 },
  colors: palettes,
  defaultRadius: 'sm',
  fontFamily:
    'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Noto Sans Arabic", "Geeza Pro", Tahoma, sans-serif',
  headings: {
    fontFamily:
      'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Noto Sans Arabic", "Geeza Pro", Tahoma, sans-serif',
  },
  focusRing: 'auto',
  components: {
    // a spinner says what it is to a screen reader (each use gives its label)
    Loader: Loader.extend({ defaultProps: { role: 'status' } }),
    // the focus placeholder is a role="presentation" child of role="menu", which ARIA does not
    // allow (axe: aria-required-children); without it the first item takes the focus
    Menu: Menu.extend({ defaultProps: { withInitialFocusPlaceholder: false } }),
  },
});

export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': DIMMED,
    // field errors and `c="red"` text: red 6 is 3.3:1 on white
    '--mantine-color-error': palettes.red![8],
  },
  dark: {},
});

/**
 * The theme with what needs words in the page's language: every dialog's close button is named
 * ("Close"), wherever it is opened, so no dialog can forget it.
 */
export function useLocalisedTheme() {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  return useMemo(() => {
    void language;
    const closeButtonProps = { 'aria-label': t('a11y.close') };
    return mergeThemeOverrides(
      theme,
      createTheme({
        components: {
          Modal: Modal.extend({ defaultProps: { closeButtonProps } }),
          Drawer: Drawer.extend({ defaultProps: { closeButtonProps } }),
        },
      }),
    );
  }, [t, language]);
}
