import '@mantine/core/styles.css';
import '@mantine/charts/styles.css';
import './app/global.css';
import { DirectionProvider, MantineProvider } from '@mantine/core';
import { QueryClientProvider } from '@tanstack/react-query';
import { RouterProvider } from '@tanstack/react-router';
import { type ReactNode, StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { onForcedStep, onSessionExpired, onSignedInAsOtherUser } from './api/client.ts';
import { buildQueryClient } from './app/queryClient.ts';
import { buildRouter } from './app/routes.tsx';
import { cssVariablesResolver, useLocalisedTheme } from './app/theme.ts';
import { meQuery } from './features/auth/api.ts';
import { currentLocale, directionOf, setupI18n } from './i18n/index.ts';

function Themed({ children }: { children: ReactNode }) {
  return (
    <MantineProvider theme={useLocalisedTheme()} cssVariablesResolver={cssVariablesResolver}>
      {children}
    </MantineProvider>
  );
}

async function start() {
  await setupI18n();
  const queryClient = buildQueryClient();
  const router = buildRouter(queryClient);

  // A 401 after sign-in where no dialog can restore the session (none shown): leave the page, forget the cache.
  onSessionExpired(() => {
    void router.navigate({ to: '/sign-in', search: { reason: 'expired' } }).then(() => queryClient.clear());
  });

  // Someone else signed in (in the dialog, or in another tab): nothing typed for the previous user
  // is sent, and a fresh load of the home page drops everything the page held for them.
  onSignedInAsOtherUser(() => {
    queryClient.clear();
    window.location.assign('/');
  });

  // a step is owed (second factor, new password): forget /me and let the route guard send the user there
  onForcedStep(() => {
    queryClient.removeQueries({ queryKey: meQuery.queryKey });
    void router.navigate({ to: '/' });
  });

  const root = document.getElementById('root');
  if (!root) throw new Error('#root is missing from index.html');
  createRoot(root).render(
    <StrictMode>
      <DirectionProvider initialDirection={directionOf(currentLocale())} detectDirection>
        <Themed>
          <QueryClientProvider client={queryClient}>
            <RouterProvider router={router} />
          </QueryClientProvider>
        </Themed>
      </DirectionProvider>
    </StrictMode>,
  );
}

void start();
