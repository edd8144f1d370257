# Sourced by ./tomolyte and ./test: sets JAVA to a java binary of version >= 25 and JDK_HOME to
# its home, looking at JAVA_HOME, java on the PATH, then /usr/lib/jvm/*; exits 2 with one line
# when there is none.
java_major() {
  "$1" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.specification\.version = \([0-9]*\).*/\1/p' | head -n 1
}
JAVA=""
_cands=()
[ -n "${JAVA_HOME:-}" ] && _cands+=("$JAVA_HOME/bin/java")
command -v java >/dev/null 2>&1 && _cands+=("$(command -v java)")
for _d in /usr/lib/jvm/*/bin/java; do [ -x "$_d" ] && _cands+=("$_d"); done
for _c in "${_cands[@]}"; do
  [ -x "$_c" ] || continue
  _v="$(java_major "$_c")"
  if [ -n "$_v" ] && [ "$_v" -ge 25 ]; then JAVA="$_c"; break; fi
done
if [ -z "$JAVA" ]; then
  echo "tomolyte: no JDK 25 or newer found (looked at JAVA_HOME, java on the PATH and /usr/lib/jvm/*); install one, e.g. Temurin 25 from https://adoptium.net/, and set JAVA_HOME" >&2
  exit 2
fi
JDK_HOME="$(cd "$(dirname "$(readlink -f "$JAVA")")/.." && pwd)"
if ! command -v mvn >/dev/null 2>&1; then
  MVN_MISSING=1
fi
