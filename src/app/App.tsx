import { useEffect } from 'react';
import { QueryClientProvider } from '@tanstack/react-query';
import { RouterProvider } from 'react-router';
import { startServerEvents } from '../lib/events';
import { queryClient } from '../lib/query';
import { router } from './router';

export function App() {
  useEffect(() => startServerEvents(queryClient), []);
  return (
    <QueryClientProvider client={queryClient}>
      <RouterProvider router={router} />
    </QueryClientProvider>
  );
}
