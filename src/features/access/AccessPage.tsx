import { useState } from 'react';
import { useHostId } from '../../app/hosts';
import { Tabs } from '../../lib/ui';
import { GroupsTab } from './GroupsTab';
import { RolesTab } from './RolesTab';
import { UsersTab } from './UsersTab';

const TABS = [
  { id: 'users', label: 'Users' },
  { id: 'groups', label: 'Groups' },
  { id: 'roles', label: 'Roles' },
] as const;

/** Users & roles: who may log in, and what they may do where. Needs admin on '/'. */
export function AccessPage() {
  const host = useHostId();
  const [tab, setTab] = useState<string>('users');
  return (
    <section className="space-y-4 p-6" id="access-page">
      <h1 className="text-xl font-semibold">Users &amp; roles</h1>
      <Tabs items={TABS} value={tab} onChange={setTab} idPrefix="access" label="Users and roles" />
      <div role="tabpanel" id={`access-panel-${tab}`} aria-labelledby={`access-tab-${tab}`}>
        {tab === 'users' && <UsersTab host={host} />}
        {tab === 'groups' && <GroupsTab host={host} />}
        {tab === 'roles' && <RolesTab />}
      </div>
    </section>
  );
}
