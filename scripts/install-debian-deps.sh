#!/usr/bin/env bash
# Installs every Debian package the project uses (speech engines, recognizer, sox); safe to run again.
# Runs apt-get directly as root, or through sudo otherwise.
set -euo pipefail

PACKAGES=(
  espeak-ng                     # synthetic voices, formant synthesis
  flite                         # synthetic voices kal awb rms slt; reference intelligibility
  festival festvox-kallpc16k festvox-kdlpc16k festvox-us-slt-hts   # synthetic voices kal ked slt
  pocketsphinx pocketsphinx-en-us  # independent recognizer for word error rates
  sox libsox-fmt-all            # conversions, augmentation, MP3/OGG test files
  aubio-tools                   # independent F0 reference for the pitch tests
  rubberband-cli                # formant-preserving pitch and tempo for synthetic speakers
  asterisk-core-sounds-en asterisk-core-sounds-en-wav   # transcribed real speech (one voice) and its prompt texts
  pocketsphinx-testdata         # a few transcribed real clips
  chromium                      # headless browser for the renderer's end-to-end tests
)

missing=()
for p in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  echo "Debian packages: all ${#PACKAGES[@]} present."
  exit 0
fi

SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
echo "Installing Debian packages: ${missing[*]}"
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
