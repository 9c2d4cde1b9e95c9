# One command to run the service, one to run every test. Both set up .venv first.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

# gettext catalogs: .po sources, compiled to .mo (git-ignored) by hatch_build.py, as a wheel build does
PO := $(wildcard neutral_timeline/locale/*/LC_MESSAGES/*.po)
MO := $(PO:.po=.mo)

.PHONY: setup browser parsers wordpress nginx run today test lint bench clean messages revise

$(STAMP): pyproject.toml
	$(PY) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	$(BIN)/python -m compileall -q neutral_timeline  # as pip does for an installed package: fast starts
	touch $(STAMP)

%.mo: %.po hatch_build.py $(STAMP)
	$(BIN)/python hatch_build.py $<

setup: $(STAMP) $(MO)

# After changing words in the code: new msgids into the .pot and both .po files (then translate them;
# a test fails on any msgid without a translation). Keywords: N_, NP_ and NPC_ as in i18n.py, _ as in cli.py.
messages: $(STAMP)
	$(BIN)/pybabel -q extract --add-location=file --width=100 -k NP_:1,2 -k NPC_:1c,2,3 -k NC_:1c,2 \
		--project=neutral-timeline --version=0.1.0 --copyright-holder="neutral-timeline developers" \
		-o neutral_timeline/locale/neutral_timeline.pot neutral_timeline
	$(BIN)/pybabel -q update --no-fuzzy-matching --ignore-obsolete --ignore-pot-creation-date --width=100 \
		-D neutral_timeline -i neutral_timeline/locale/neutral_timeline.pot -d neutral_timeline/locale

# After editing calendars/: stamp revision.toml with when the data changed (its Last-Modified).
revise: $(STAMP)
	$(BIN)/neutral-timeline revise --calendars calendars

today: $(STAMP)
	$(BIN)/neutral-timeline today

run: $(STAMP)
	$(BIN)/neutral-timeline serve

lint: $(STAMP)
	$(BIN)/ruff check neutral_timeline tests bench scripts deploy
	$(BIN)/ruff format --check neutral_timeline tests bench scripts deploy
	$(BIN)/mypy

# Browser tests drive Debian's Chromium with Playwright (never a downloaded browser).
browser:
	@command -v chromium >/dev/null 2>&1 || (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null)

# The calendar parsers the feed tests run besides the Python ones (icalendar, ical, vobject):
# libical through Debian's GObject bindings (Evolution, GNOME Calendar), run by the system python,
# and Mozilla's ical.js (Thunderbird) from npm into the git-ignored .parsers/, run by node.
PARSERS := .parsers
ICALJS := 2.2.1
parsers:
	@/usr/bin/python3 -c "import gi; gi.require_version('ICalGLib', '3.0')" 2>/dev/null || (apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-gi gir1.2-ical-3.0 >/dev/null)
	@command -v node >/dev/null 2>&1 || (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nodejs npm >/dev/null)
	@grep -qs '"version": "$(ICALJS)"' $(PARSERS)/node_modules/ical.js/package.json || \
		npm install --silent --no-audit --no-fund --no-save --prefix $(PARSERS) ical.js@$(ICALJS)

# Debian's nginx, run by tests/nginx and bench as a foreground child with a private prefix (never the
# system service), and libfaketime, which moves the app's clock to just before midnight in one test.
nginx:
	@command -v nginx >/dev/null 2>&1 || test -x /usr/sbin/nginx || (apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nginx >/dev/null)
	@ls /usr/lib/*/faketime/libfaketimeMT.so.1 >/dev/null 2>&1 || (apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive apt-get install -y -qq libfaketime >/dev/null)

# WordPress's own embedding code for the oEmbed tests: Debian's wordpress package unpacked, never
# installed (no web server, no database), into the git-ignored .parsers/wordpress; run by php-cli.
WORDPRESS := $(PARSERS)/wordpress
wordpress:
	@command -v php >/dev/null 2>&1 || (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq php-cli >/dev/null)
	@test -f $(WORDPRESS)/usr/share/wordpress/wp-includes/js/wp-embed.min.js || ( \
		rm -rf $(WORDPRESS).tmp && mkdir -p $(WORDPRESS).tmp && cd $(WORDPRESS).tmp && \
		{ apt-get download -qq -o APT::Sandbox::User=root wordpress 2>/dev/null || \
		  { apt-get update -qq && apt-get download -qq -o APT::Sandbox::User=root wordpress; }; } && \
		dpkg-deb -x wordpress_*.deb root && cd - >/dev/null && rm -rf $(WORDPRESS) && mv $(WORDPRESS).tmp/root $(WORDPRESS) && \
		rm -rf $(WORDPRESS).tmp)

test: $(STAMP) browser parsers wordpress nginx
	$(BIN)/neutral-timeline validate calendars
	$(MAKE) lint
	NEUTRAL_TIMELINE_REQUIRE_PARSERS=1 $(BIN)/pytest

bench: $(STAMP)
	$(BIN)/python -m bench

clean:
	rm -rf $(VENV) $(MO) build dist .mypy_cache .pytest_cache .ruff_cache
