#!/usr/bin/env bash
# Copyright: (c) 2026, ipneighbor.windows contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
# The lab's contract (tests/lab/README.md):
#   bash tests/lab/host.sh start   starts a loopback sshd whose `powershell` is real pwsh with the
#                                   IP Helper double (idempotent); its last line is the inventory
#                                   variables of a lab host, as INI key=value words
#   bash tests/lab/host.sh stop    stops it and the ssh connections Ansible kept open to it
# Any inventory line `NAME <those variables> lab_state=/abs/path.json` is then a lab host whose
# whole state is that file (a path that does not exist starts as the default host).
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
lab=${LAB_HOME:-$root/build/lab}
port=${LAB_SSH_PORT:-22022}
# Ansible's ssh master sockets: a short folder of their own, since a socket's path may not be longer
# than 107 bytes and ssh adds 17 while it makes one.
sockets=${TMPDIR:-/tmp}/ipneighbor-lab-$(printf '%s' "$lab" | sha1sum | cut -c1-8)
pwsh=$root/build/tools/bin/pwsh
python=$root/.venv/bin/python
[ -x "$python" ] || python=$(command -v python3)

running() { [ -f "$lab/sshd.pid" ] && kill -0 "$(cat "$lab/sshd.pid")" 2>/dev/null; }

stop() {
    if running; then kill "$(cat "$lab/sshd.pid")"; fi
    rm -f "$lab/sshd.pid"
    # Ansible's ssh keeps a master connection per host open (ControlPersist); end them too.
    for socket in "$sockets"/*; do
        if [ -S "$socket" ]; then ssh -o ControlPath="$socket" -O exit lab 2>/dev/null || true; fi
    done
}

start() {
    [ -x "$pwsh" ] || { echo "host.sh: no $pwsh: run tests/setup.sh (it unpacks PowerShell 7 from ../shared/tools)" >&2; exit 1; }
    [ -x /usr/sbin/sshd ] || { echo "host.sh: no /usr/sbin/sshd: run tests/setup.sh (it installs openssh-server)" >&2; exit 1; }
    mkdir -p "$lab/bin" "$lab/ssh" "$sockets" /run/sshd
    # Each pytest-xdist worker may start the lab at the same moment: one start at a time (the lock
    # ends with this process), so that the keys and the sshd are made once.
    exec 9>"$lab/start.lock"
    flock 9
    chmod 700 "$lab/ssh" "$sockets"
    [ -f "$lab/ssh/host_key" ] || ssh-keygen -q -t ed25519 -N '' -f "$lab/ssh/host_key"
    [ -f "$lab/ssh/id_ed25519" ] || ssh-keygen -q -t ed25519 -N '' -f "$lab/ssh/id_ed25519"
    cp "$lab/ssh/id_ed25519.pub" "$lab/ssh/authorized_keys"
    # ansible-core 2.21 runs `powershell ...`, 2.19 `PowerShell ...`: both are the launcher. It
    # lives in $PSHOME, as powershell.exe does on Windows: the exec wrapper starts the module in a
    # second process when the interpreter it resolves (links followed) is not in $PSHOME.
    # Every lab of this checkout shares it, and a module may be starting it right now: written to a
    # file of its own, then renamed over it (writing in place makes that start fail: Text file busy).
    # Checkouts whose build/tools is one folder (worktrees) share it too, so it names no checkout: it
    # runs the launcher.py of the lab whose sshd started it (LAB_HOME), as $LAB_HOME/launcher.env
    # says, else of the checkout whose default lab (build/lab) LAB_HOME is.
    printf "LAB_PWSH='%s'\nLAB_ROOT='%s'\nLAB_PYTHON='%s'\n" "$pwsh" "$root" "$python" > "$lab/launcher.env"
    launcher=$root/build/tools/powershell/pwsh/powershell
    cat > "$launcher.$$" <<'EOF'
#!/bin/sh
LAB_ROOT=$(cd "$LAB_HOME/../.." && pwd) && LAB_PWSH=$LAB_ROOT/build/tools/bin/pwsh && LAB_PYTHON=$LAB_ROOT/.venv/bin/python
[ -f "$LAB_HOME/launcher.env" ] && . "$LAB_HOME/launcher.env"
LAB_PWSH=$LAB_PWSH PYTHONPATH=$LAB_ROOT/tests/lab:$LAB_ROOT/tests/tools exec "$LAB_PYTHON" "$LAB_ROOT/tests/lab/launcher.py" "$@"
EOF
    chmod +x "$launcher.$$"
    mv -f "$launcher.$$" "$launcher"
    ln -sf "$launcher" "$lab/bin/powershell"
    ln -sf "$launcher" "$lab/bin/PowerShell"
    cat > "$lab/sshd_config" <<EOF
Port $port
ListenAddress 127.0.0.1
HostKey $lab/ssh/host_key
AuthorizedKeysFile $lab/ssh/authorized_keys
PidFile $lab/sshd.pid
UsePAM no
StrictModes no
PermitRootLogin prohibit-password
PasswordAuthentication no
KbdInteractiveAuthentication no
MaxSessions 64
MaxStartups 64
AcceptEnv LAB_STATE
SetEnv PATH=$lab/bin:/usr/local/bin:/usr/bin:/bin LAB_HOME=$lab
EOF
    if ! running; then
        # An absolute -f: sshd re-executes itself from / for every connection.
        /usr/sbin/sshd -f "$lab/sshd_config" -E "$lab/sshd.log" 9>&-  # the daemon must not hold the lock
        for _ in $(seq 50); do
            (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && break
            sleep 0.1
        done
    fi
    running || { echo "host.sh: sshd did not start: $lab/sshd.log" >&2; tail -n 5 "$lab/sshd.log" >&2; exit 1; }
    # A master connection per state file: a session gets the environment (LAB_STATE) of its master.
    printf '%s\n' "ansible_connection=ssh ansible_host=127.0.0.1 ansible_port=$port ansible_user=$(id -un)" \
"ansible_shell_type=powershell ansible_ssh_private_key_file=$lab/ssh/id_ed25519" \
"ansible_ssh_common_args='-o StrictHostKeyChecking=no -o UserKnownHostsFile=/dev/null -o LogLevel=ERROR'" \
"ansible_ssh_extra_args='-o SetEnv=LAB_STATE={{ lab_state }}'" \
"ansible_control_path=\"$sockets/{{ (lab_state | hash('sha1'))[:16] }}\"" | paste -sd ' ' -
}

case "${1:-}" in
    start) start ;;
    stop) stop ;;
    *) echo "usage: host.sh start|stop" >&2; exit 2 ;;
esac
