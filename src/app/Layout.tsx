import { NavLink, Outlet } from 'react-router';
import { acl, useAccessCheck } from '../features/auth/access';
import { UserMenu } from '../features/auth/UserMenu';
import { ConnectionIndicator } from './ConnectionIndicator';
import { HostSelector } from './HostSelector';
import { useHostId } from './hosts';
import { NAV_ITEMS } from './nav';
import { useTheme } from './theme';

export function Layout() {
  const hostId = useHostId();
  const [theme, toggleTheme] = useTheme();
  const allowed = useAccessCheck();
  const items = NAV_ITEMS.filter((item) => allowed(item.privilege, item.scope === 'root' ? '/' : acl.host(hostId), item.where));
  return (
    <div className="flex h-screen min-h-0">
      <nav aria-label="Main" className="flex w-52 shrink-0 flex-col border-r border-zinc-200 bg-zinc-50 dark:border-zinc-800 dark:bg-zinc-900">
        <div className="px-4 py-4 text-lg font-semibold tracking-tight">virtdeck</div>
        <ul className="flex flex-col gap-0.5 px-2">
          {items.map((item) => (
            <li key={item.id}>
              <NavLink
                id={`nav-${item.id}`}
                to={`/hosts/${encodeURIComponent(hostId)}/${item.path}`}
                className={({ isActive }) =>
                  `block rounded-md px-3 py-2 text-sm ${
                    isActive
                      ? 'bg-sky-100 font-medium text-sky-900 dark:bg-sky-900/40 dark:text-sky-100'
                      : 'text-zinc-700 hover:bg-zinc-200/60 dark:text-zinc-300 dark:hover:bg-zinc-800'
                  }`
                }
              >
                {item.label}
              </NavLink>
            </li>
          ))}
        </ul>
        <div className="mt-auto p-3">
          <button
            type="button"
            id="theme-toggle"
            onClick={toggleTheme}
            aria-label={theme === 'dark' ? 'Switch to light theme' : 'Switch to dark theme'}
            className="w-full rounded-md border border-zinc-300 px-3 py-1.5 text-sm text-zinc-700 hover:bg-zinc-100 dark:border-zinc-700 dark:text-zinc-300 dark:hover:bg-zinc-800"
          >
            {theme === 'dark' ? '☀ Light theme' : '☾ Dark theme'}
          </button>
        </div>
      </nav>
      <div className="flex min-w-0 flex-1 flex-col">
        <header className="flex items-center justify-between gap-4 border-b border-zinc-200 px-5 py-2 dark:border-zinc-800">
          <HostSelector hostId={hostId} />
          <div className="ml-auto flex items-center gap-4">
            <ConnectionIndicator hostId={hostId} />
            <UserMenu />
          </div>
        </header>
        <main className="min-h-0 flex-1 overflow-auto">
          <Outlet />
        </main>
      </div>
    </div>
  );
}
