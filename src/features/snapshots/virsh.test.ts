import { describe, expect, it } from 'vitest';
import { createSnapshotCommand, deleteSnapshotCommand, revertSnapshotCommand } from './virsh';

const uri = 'qemu:///system';
const disks = [{ target: 'vda', source: '/var/lib/virtdeck/images/vm.qcow2' }];

describe('createSnapshotCommand', () => {
  it('internal snapshot: name and description always quoted', () => {
    expect(createSnapshotCommand(uri, 'vm', { name: 'before', description: '', kind: 'internal', memory: true, disks })).toBe(
      "virsh -c qemu:///system snapshot-create-as --domain 'vm' --name 'before'",
    );
  });

  it("quotes XML- and shell-special characters, including the single quote", () => {
    expect(
      createSnapshotCommand(uri, "it's", { name: `<a&b>"'`, description: 'x $(rm -rf /)', kind: 'internal', memory: true, disks }),
    ).toBe(`virsh -c qemu:///system snapshot-create-as --domain 'it'\\''s' --name '<a&b>"'\\''' --description 'x $(rm -rf /)'`);
  });

  it('external disk-only snapshot names each overlay file', () => {
    expect(createSnapshotCommand(uri, 'vm', { name: 's1', description: '', kind: 'external', memory: false, disks })).toBe(
      'virsh -c qemu:///system snapshot-create-as --domain \'vm\' --name \'s1\' --disk-only ' +
        '--diskspec vda,snapshot=external,file=/var/lib/virtdeck/images/vm.s1.qcow2 --atomic',
    );
  });

  it('external snapshot with memory uses --memspec and doubles commas', () => {
    const cmd = createSnapshotCommand(uri, 'vm', {
      name: 's1',
      description: '',
      kind: 'external',
      memory: true,
      disks: [{ target: 'vda', source: '/img/a,b/vm.qcow2' }],
    });
    expect(cmd).toBe(
      "virsh -c qemu:///system snapshot-create-as --domain 'vm' --name 's1' --memspec file=/img/a,,b/vm.s1.mem,snapshot=external " +
        '--diskspec vda,snapshot=external,file=/img/a,,b/vm.s1.qcow2 --atomic',
    );
  });
});

describe('revert and delete commands', () => {
  it('revert with the state flag', () => {
    expect(revertSnapshotCommand(uri, 'vm', 's', 'as-taken')).toBe("virsh -c qemu:///system snapshot-revert --domain 'vm' --snapshotname 's'");
    expect(revertSnapshotCommand(uri, 'vm', 's', 'running')).toMatch(/ --running$/);
    expect(revertSnapshotCommand(uri, 'vm', 's', 'paused')).toMatch(/ --paused$/);
  });

  it('delete with the scope flag', () => {
    expect(deleteSnapshotCommand(uri, 'vm', 's', 'this')).toBe("virsh -c qemu:///system snapshot-delete --domain 'vm' --snapshotname 's'");
    expect(deleteSnapshotCommand(uri, 'vm', 's', 'children')).toMatch(/ --children$/);
    expect(deleteSnapshotCommand(uri, 'vm', 's', 'metadata')).toMatch(/ --metadata$/);
  });
});

describe('test driver URIs', () => {
  it('names the test driver through the daemon, as virsh needs it', () => {
    expect(revertSnapshotCommand('test:///default', 'vm', 's', 'as-taken')).toMatch(/^virsh -c test\+unix:\/\/\/default /);
  });
});
