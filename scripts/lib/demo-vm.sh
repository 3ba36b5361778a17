# The demo VM's domain XML (sourced by setup-host).
# shellcheck shell=bash

# guest_virt_type: "kvm" only when the CPU offers hardware virtualization; the nested
# /dev/kvm of these machines has no vmx/svm and guests crash or crawl on it.
guest_virt_type() {
  if [ -e /dev/kvm ] && grep -Eqw 'vmx|svm' /proc/cpuinfo; then echo kvm; else echo qemu; fi
}

# demo_vm_xml DISK_PATH: print the domain XML of virtdeck-demo (all names are fixed, no user input).
demo_vm_xml() {
  local disk_path="$1"
  cat <<EOF
<domain type='$(guest_virt_type)'>
  <name>$VIRTDECK_DEMO_VM</name>
  <title>virtdeck demo VM</title>
  <description>The virtdeck test guest (Debian kernel + busybox) with a qcow2 disk, a NIC on "default", a serial console and VNC.</description>
  <memory unit='MiB'>128</memory>
  <currentMemory unit='MiB'>128</currentMemory>
  <vcpu>1</vcpu>
  <os>
    <type arch='x86_64'>hvm</type>
    <kernel>$VIRTDECK_GUEST_DIR/vmlinuz</kernel>
    <initrd>$VIRTDECK_GUEST_DIR/initrd.gz</initrd>
    <cmdline>$VIRTDECK_GUEST_CMDLINE</cmdline>
  </os>
  <features><acpi/></features>
  <on_poweroff>destroy</on_poweroff>
  <on_reboot>restart</on_reboot>
  <on_crash>destroy</on_crash>
  <devices>
    <disk type='file' device='disk'>
      <driver name='qemu' type='qcow2'/>
      <source file='$disk_path'/>
      <target dev='vda' bus='virtio'/>
    </disk>
    <interface type='network'>
      <source network='default'/>
      <model type='virtio'/>
      <rom bar='off'/>
    </interface>
    <serial type='pty'>
      <log file='/var/log/libvirt/qemu/$VIRTDECK_DEMO_VM-serial.log' append='off'/>
      <target port='0'/>
    </serial>
    <console type='pty'>
      <target type='serial' port='0'/>
    </console>
    <graphics type='vnc' port='-1' autoport='yes' listen='127.0.0.1'/>
    <video>
      <model type='vga'/>
    </video>
  </devices>
</domain>
EOF
}
