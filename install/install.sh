#!/usr/bin/env bash
# Installs a Backroom box on Debian 12/13 or Raspberry Pi OS (arm64, amd64), from a checkout
# (building the jar first if it is missing) or from a copy that has the built jar:
#
#   /opt/backroom/                    the program: launcher, edge-server/target/ (jar and libs/),
#                                     device-profiles/, install/; root's, read-only to the box
#   /var/lib/backroom/                the box's data (ledger, box.key): 0700, user backroom
#   /etc/backroom/                    the box's configuration: 0750 root:backroom
#   /etc/systemd/system/backroom.service, /etc/udev/rules.d/99-backroom.rules
#
# Running it again changes nothing unless a file differs (then it restarts a running box).
# Run with --help for the flags.
set -euo pipefail

usage() {
  cat <<'USAGE'
usage: sudo install/install.sh [--uninstall [--purge]] [--root DIR]
  (no flag)     install or update the box: a JDK >= 21, the user backroom, /opt/backroom,
                /var/lib/backroom, /etc/backroom, the systemd unit and udev rules; then (with
                systemd running) reload systemd and udev, enable and start backroom.service
  --uninstall   stop and remove the program, the unit, the udev rules and the user backroom;
                KEEP /var/lib/backroom (the ledger and box.key) and /etc/backroom
  --purge       with --uninstall: also delete /var/lib/backroom and /etc/backroom, the ledger
                with them (back it up first: it is the store's record of every sale)
  --root DIR    lay every file under DIR (DIR/opt/backroom, DIR/etc/systemd/system, ...) as the
                root file system of a box, and touch nothing of this machine: no apt-get, no
                useradd, no chown, no systemctl, no udevadm; what would be run is printed
                ("would run: ..."). The JDK is looked for in DIR, the distribution read from
                DIR/etc/os-release. Needs no root.
  --help        this text
Exit: 0 done (or nothing to do), 1 refused or failed (the reason is printed), 2 bad usage.
USAGE
}

user=backroom
root=""
uninstall=false
purge=false
while [ $# -gt 0 ]; do
  case "$1" in
    --root)
      [ -n "${2:-}" ] || { echo "install.sh: --root needs a directory" >&2; exit 2; }
      root="$2"; shift 2 ;;
    --uninstall) uninstall=true; shift ;;
    --purge) purge=true; shift ;;
    -h|--help) usage; exit 0 ;;
    *) echo "install.sh: unknown argument $1" >&2; usage >&2; exit 2 ;;
  esac
done
if $purge && ! $uninstall; then
  echo "install.sh: --purge deletes the ledger and goes only with --uninstall" >&2; exit 2
fi
if [ -n "$root" ]; then
  mkdir -p "$root"
  root="$(cd "$root" && pwd)"
  [ "$root" != / ] || { echo "install.sh: --root / is this machine: leave --root out" >&2; exit 2; }
elif [ "$(id -u)" -ne 0 ]; then
  echo "install.sh: run as root (sudo $0), or lay the files out with --root DIR" >&2; exit 1
fi

source_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
jar=edge-server/target/edge-server.jar
changes=0

say() { echo "install.sh: $*"; }
changed() { changes=$((changes + 1)); say "$*"; }

# Runs a command that changes this machine, or under --root prints it instead.
on_machine() {
  if [ -n "$root" ]; then
    echo "would run: $*"
  else
    "$@"
  fi
}

systemd_running() { [ -z "$root" ] && [ -d /run/systemd/system ]; }

# ---- the JDK: the launcher's rule (JAVA_HOME if >= 21, else the newest >= 21 under these folders)

java_major() { # the feature version of the JDK at $1, or 0
  local release="$1/release" major
  [ -f "$release" ] || { echo 0; return; }
  major="$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$release" | head -n1)"
  echo "${major:-0}"
}

# Prints the newest JDK >= 21 a service finds (no JAVA_HOME: the unit sets none), as the box sees it.
system_jdk() {
  local best="" best_major=0 dir major
  for dir in "$root"/usr/lib/jvm/*/ "$root"/opt/java/*/ "$root"/opt/jdk*/; do
    dir="${dir%/}"
    [ -x "$dir/bin/javac" ] || continue
    major="$(java_major "$dir")"
    if [ "$major" -ge 21 ] && [ "$major" -gt "$best_major" ]; then best="$dir"; best_major="$major"; fi
  done
  [ -z "$best" ] || echo "${best#"$root"}"
}

# A JAVA_HOME >= 21 that the service would not find by itself is handed to it in a drop-in.
java_home_for_service() {
  [ -z "$root" ] && [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/javac" ] || return 0
  [ "$(java_major "$JAVA_HOME")" -ge 21 ] && [ -z "$(system_jdk)" ] || return 0
  case "$JAVA_HOME" in
    /home/*|/root/*|/tmp/*|/var/tmp/*|/run/user/*)
      echo "install.sh: JAVA_HOME=$JAVA_HOME is where the service cannot see it (ProtectHome, PrivateTmp): move it under /usr/lib/jvm" >&2
      exit 1 ;;
  esac
  echo "$JAVA_HOME"
}

os_release() { # prints VERSION_CODENAME (or ID-VERSION_ID) of the box's distribution, or "unknown"
  local file codename=""
  for file in "$root/etc/os-release" "$root/usr/lib/os-release"; do
    [ -f "$file" ] || continue
    codename="$(sed -n 's/^VERSION_CODENAME=//p' "$file" | tr -d '"')"
    [ -n "$codename" ] || codename="$(sed -n 's/^ID=//p;s/^VERSION_ID=/-/p' "$file" | tr -d '"\n')"
    break
  done
  echo "${codename:-unknown}"
}

no_jdk_here() {
  local codename="$1"
  cat >&2 <<EOF
install.sh: no JDK >= 21 here, and ${codename}'s own archive has none (Debian 12 bookworm and
Raspberry Pi OS bookworm stop at OpenJDK 17). Install one of these, then run install.sh again:

  Eclipse Temurin 21 from Adoptium's apt repository (arm64 and amd64):
    apt-get install -y wget ca-certificates
    install -d -m 0755 /etc/apt/keyrings
    wget -qO /etc/apt/keyrings/adoptium.asc https://packages.adoptium.net/artifactory/api/gpg/key/public
    echo "deb [signed-by=/etc/apt/keyrings/adoptium.asc] https://packages.adoptium.net/artifactory/deb ${codename} main" > /etc/apt/sources.list.d/adoptium.list
    apt-get update && apt-get install -y temurin-21-jdk

  or a JDK 21+ tarball (it must hold bin/javac and release) unpacked under /usr/lib/jvm:
    tar -xzf OpenJDK21U-jdk_aarch64_linux_hotspot_21.0.*.tar.gz -C /usr/lib/jvm   # x64 on a mini-PC

The box finds the newest JDK >= 21 under /usr/lib/jvm by itself (the launcher's rule).
EOF
  exit 1
}

# Debian 13 trixie carries OpenJDK 21 and, since its point releases, 25; bookworm stops at 17.
install_jdk() {
  local codename pkg candidate
  codename="$(os_release)"
  case "$codename" in bookworm|bullseye|buster) no_jdk_here "$codename" ;; esac
  if [ -n "$root" ]; then
    if [ "$codename" = unknown ]; then
      echo "install.sh: no JDK >= 21 under $root, and no $root/etc/os-release to say which distribution it is" >&2; exit 1
    fi
    echo "would run: apt-get update; apt-get install -y openjdk-25-jdk-headless (or openjdk-21-jdk-headless, where $codename has no 25)"
    return
  fi
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -q
  for pkg in openjdk-25-jdk-headless openjdk-21-jdk-headless; do
    candidate="$(apt-cache policy "$pkg" 2>/dev/null | sed -n 's/^ *Candidate: //p')"
    if [ -n "$candidate" ] && [ "$candidate" != "(none)" ]; then
      apt-get install -y -q "$pkg"
      changed "installed $pkg $candidate"
      return
    fi
  done
  no_jdk_here "$codename"
}

check_jdk() {
  local jdk
  service_java_home="$(java_home_for_service)"
  jdk="${service_java_home:-$(system_jdk)}"
  if [ -z "$jdk" ]; then
    install_jdk
    [ -n "$root" ] && return 0
    jdk="$(system_jdk)"
    [ -n "$jdk" ] || { echo "install.sh: a JDK was installed, but none >= 21 is under /usr/lib/jvm" >&2; exit 1; }
  fi
  say "JDK $(java_major "$root$jdk") at $jdk"
}

# ---- the program

build_jar_if_missing() {
  if [ -f "$source_dir/$jar" ]; then
    [ -d "$source_dir/edge-server/target/libs" ] || { echo "install.sh: $jar is there but not its libs/: build again (./backroom build)" >&2; exit 1; }
    return 0
  fi
  [ -f "$source_dir/pom.xml" ] || { echo "install.sh: no $jar in $source_dir, and no pom.xml to build it from" >&2; exit 1; }
  local owner
  owner="$(stat -c %U "$source_dir")"
  say "building $jar in $source_dir (as $owner)..."
  if ! command -v mvn >/dev/null; then
    on_machine apt-get install -y -q maven
    [ -z "$root" ] || { echo "install.sh: Maven is needed to build (apt-get install maven), or build first: ./backroom build" >&2; exit 1; }
  fi
  if [ "$(id -u)" -eq 0 ] && [ "$owner" != root ]; then
    # as the checkout's owner, so its target/ and ~/.m2 stay theirs
    runuser -l "$owner" -c "$(printf '%q' "$source_dir/backroom") build"
  else
    "$source_dir/backroom" build
  fi
}

# Writes file $1 to $2 with mode $3 and returns 0, or returns 1 when $2 already has that content
# and mode. A changed file is written beside it and renamed over it: a running JVM's jar is never
# rewritten under it.
write_if_changed() {
  local src="$1" dst="$2" mode="$3"
  if [ -f "$dst" ] && cmp -s "$src" "$dst" && [ "$(stat -c %a "$dst")" = "${mode#0}" ]; then return 1; fi
  mkdir -p "$(dirname "$dst")"
  cp "$src" "$dst.new"
  chmod "$mode" "$dst.new"
  mv -f "$dst.new" "$dst"
}

put_file() { # file $1 at $2 with mode $3
  if write_if_changed "$1" "$2" "$3"; then changed "installed ${2#"$root"}"; fi
}

# Makes the files directly in folder $2 those of $1 (mode $3), deleting the ones $1 no longer has.
put_folder() {
  local src="$1" dst="$2" mode="$3" file written=0 removed=0
  for file in "$src"/*; do
    if [ -f "$file" ] && write_if_changed "$file" "$dst/$(basename "$file")" "$mode"; then written=$((written + 1)); fi
  done
  for file in "$dst"/*; do
    if [ -f "$file" ] && [ ! -f "$src/$(basename "$file")" ]; then rm -f "$file"; removed=$((removed + 1)); fi
  done
  [ "$written" -eq 0 ] || changed "installed $written files in ${dst#"$root"}"
  [ "$removed" -eq 0 ] || changed "removed $removed files from ${dst#"$root"} that this version no longer has"
}

put_dir() { # folder $1 with mode $2, owned by $3 (user:group) on the machine
  local dir="$1" mode="$2" owner="$3"
  if [ ! -d "$dir" ]; then
    mkdir -p "$dir"; chmod "$mode" "$dir"; changed "created ${dir#"$root"} ($mode)"
  elif [ "$(stat -c %a "$dir")" != "${mode#0}" ]; then
    chmod "$mode" "$dir"; changed "mode $mode on ${dir#"$root"}"
  fi
  if [ -n "$root" ]; then
    echo "would run: chown $owner ${dir#"$root"}"
  elif [ "$(stat -c %U:%G "$dir")" != "$owner" ]; then
    chown "$owner" "$dir"; changed "owner $owner of $dir"
  fi
}

# The configuration the service runs from (run --config), made empty once, never overwritten:
# `backroom provision` fills it in. Empty, the box serves the demo store with simulated hardware.
put_starter_config() {
  local file="$1"
  [ -e "$file" ] && return 0
  printf '%s\n' "# Backroom box configuration: fill it in with" \
    "#   sudo /opt/backroom/backroom provision --config /etc/backroom/backroom.yaml --franchise F --store S ..." \
    "# (backroom provision --help lists every setting); then: sudo systemctl restart backroom" >"$file"
  chmod 0640 "$file"
  if [ -n "$root" ]; then
    echo "would run: chown root:$user ${file#"$root"}"
  else
    chown "root:$user" "$file"
  fi
  changed "wrote ${file#"$root"} (empty until backroom provision fills it in)"
}

ensure_user() {
  if [ -n "$root" ]; then
    echo "would run: useradd --system --user-group --no-create-home --home-dir /nonexistent --shell /usr/sbin/nologin $user"
    return
  fi
  getent passwd "$user" >/dev/null && return 0
  if getent group "$user" >/dev/null; then
    useradd --system --gid "$user" --no-create-home --home-dir /nonexistent --shell /usr/sbin/nologin "$user"
  else
    useradd --system --user-group --no-create-home --home-dir /nonexistent --shell /usr/sbin/nologin "$user"
  fi
  changed "created system user $user"
}

install_box() {
  local unit="$root/etc/systemd/system/backroom.service" dropin="$root/etc/systemd/system/backroom.service.d"
  local before program_changes unit_changes rules_changes
  check_jdk
  build_jar_if_missing
  ensure_user

  put_dir "$root/opt/backroom" 0755 root:root
  put_dir "$root/var/lib/backroom" 0700 "$user:$user"
  put_dir "$root/etc/backroom" 0750 "root:$user"
  put_starter_config "$root/etc/backroom/backroom.yaml"

  before=$changes
  put_file "$source_dir/backroom" "$root/opt/backroom/backroom" 0755
  put_file "$source_dir/$jar" "$root/opt/backroom/$jar" 0644
  put_folder "$source_dir/edge-server/target/libs" "$root/opt/backroom/edge-server/target/libs" 0644
  put_folder "$source_dir/device-profiles" "$root/opt/backroom/device-profiles" 0644
  put_file "$source_dir/install/install.sh" "$root/opt/backroom/install/install.sh" 0755
  put_file "$source_dir/install/backroom.service" "$root/opt/backroom/install/backroom.service" 0644
  put_file "$source_dir/install/99-backroom.rules" "$root/opt/backroom/install/99-backroom.rules" 0644
  program_changes=$((changes - before))

  before=$changes
  put_file "$source_dir/install/backroom.service" "$unit" 0644
  if [ -n "$service_java_home" ]; then
    local conf
    conf="$(mktemp)"
    printf '# Written by install.sh: the JDK >= 21 the launcher would not find by itself.\n[Service]\nEnvironment=JAVA_HOME=%s\n' \
      "$service_java_home" >"$conf"
    put_file "$conf" "$dropin/jdk.conf" 0644
    rm -f "$conf"
  elif [ -f "$dropin/jdk.conf" ]; then
    rm -f "$dropin/jdk.conf"; rmdir "$dropin" 2>/dev/null || true; changed "removed ${dropin#"$root"}/jdk.conf"
  fi
  unit_changes=$((changes - before))

  before=$changes
  put_file "$source_dir/install/99-backroom.rules" "$root/etc/udev/rules.d/99-backroom.rules" 0644
  rules_changes=$((changes - before))

  if [ -n "$root" ]; then
    echo "would run: systemctl daemon-reload; udevadm control --reload; udevadm trigger --action=change"
    echo "would run: systemctl enable --now backroom"
  elif ! systemd_running; then
    say "systemd is not running here: once it is, systemctl enable --now backroom"
  else
    [ "$unit_changes" -eq 0 ] || systemctl daemon-reload
    if [ "$rules_changes" -gt 0 ]; then
      udevadm control --reload
      udevadm trigger --action=change --subsystem-match=usbmisc --subsystem-match=tty --subsystem-match=gpio
    fi
    if ! systemctl is-enabled --quiet backroom; then systemctl enable backroom; changed "enabled backroom.service"; fi
    if ! systemctl is-active --quiet backroom; then
      forget_class_archive "$program_changes"
      systemctl start backroom; changed "started backroom.service"
    elif [ $((program_changes + unit_changes)) -gt 0 ]; then
      systemctl stop backroom
      forget_class_archive "$program_changes"
      systemctl start backroom; changed "restarted backroom.service with the new files"
    fi
  fi

  if [ "$changes" -eq 0 ]; then
    say "nothing changed: the box was installed already"
  else
    say "done ($changes changes). A new box's technician PIN and pairing code: sudo cat /var/lib/backroom/first-start.txt"
  fi
}

# The JVM's class-data archive was made of the program before it changed ($1 files): the unit warms
# up a new one at its next start while there is none (backroom.service). Called with the box stopped,
# whose JVM may write one as it exits.
forget_class_archive() {
  [ "$1" -gt 0 ] && [ -e /var/cache/backroom/backroom.jsa ] || return 0
  rm -f /var/cache/backroom/backroom.jsa
  say "removed the old program's class-data archive"
}

remove_path() {
  if [ -e "$1" ] || [ -L "$1" ]; then rm -rf "$1"; changed "removed ${1#"$root"}"; fi
}

uninstall_box() {
  if systemd_running && [ -f /etc/systemd/system/backroom.service ]; then
    systemctl disable --now backroom || true
  elif [ -n "$root" ]; then
    echo "would run: systemctl disable --now backroom"
  fi
  remove_path "$root/etc/systemd/system/backroom.service"
  remove_path "$root/etc/systemd/system/backroom.service.d"
  remove_path "$root/etc/udev/rules.d/99-backroom.rules"
  remove_path "$root/opt/backroom"
  if [ -n "$root" ]; then
    echo "would run: systemctl daemon-reload; udevadm control --reload"
    echo "would run: userdel $user"
  else
    if systemd_running; then systemctl daemon-reload; udevadm control --reload; fi
    if getent passwd "$user" >/dev/null; then
      userdel "$user" || { echo "install.sh: userdel $user failed: stop what still runs as $user (ps -u $user), then --uninstall again" >&2; exit 1; }
      changed "removed user $user"
    fi
  fi
  # The JVM's class-data archive (the unit's CacheDirectory) is made again at the next start.
  remove_path "$root/var/cache/backroom"
  if $purge; then
    remove_path "$root/var/lib/backroom"
    remove_path "$root/etc/backroom"
  elif [ -d "$root/var/lib/backroom" ]; then
    say "kept /var/lib/backroom (the ledger, box.key) and /etc/backroom; a later install gives them back to the box"
  fi
  [ "$changes" -gt 0 ] || say "nothing changed: nothing of the box was installed"
}

service_java_home=""
if $uninstall; then
  uninstall_box
else
  install_box
fi
