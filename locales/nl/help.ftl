# De hulptekst van `leaflet --help` in het Nederlands. Het Engels staat in src/cli.rs (de
# doc-commentaren); een bericht hier vervangt er één: about-PAD voor een commando,
# help-PAD-ARG voor een optie (PAD = leaflet, leaflet-build, …). Een test kijkt na dat elk
# bericht bij een bestaand commando of een bestaande optie hoort.

about-leaflet = Zet patiëntenfolders van het ziekenhuis (YAML) om in A5-pdf's, klaar om af te drukken.
help-leaflet-quiet = Meld alleen wat misliep: geen voortgang, geen lijst van gebouwde folders, geen waarschuwingen.
help-leaflet-verbose = Toon waarschuwingen volledig, met hun regel, en som de gebouwde folders ook in logbestanden op.
help-leaflet-color = Kleur in berichten: auto (op een terminal, tenzij NO_COLOR gezet is), always (altijd), never (nooit).

about-leaflet-build = Bouw pdf's van folders (alleen die waarvan iets veranderd is).
after-leaflet-build = Afdrukken op kantoor: een boekje (--booklet) op A4 liggend, dubbelzijdig, omslaan langs de KORTE zijde, op 100 % (niet "aanpassen aan pagina"), dan de stapel in het midden vouwen. 2 per blad (--two-up): A4 liggend op 100 %, dan elk blad middendoor snijden langs de snijtekens.
help-leaflet-build-paths = Folderbestanden of mappen met folders (ook in submappen).
help-leaflet-build-out = Map waarin de pdf's komen (drukkerij-pdf's in de submap print/).
help-leaflet-build-jobs = Hoeveel folders tegelijk gebouwd worden, 1–64 (standaard: één per processorkern).
help-leaflet-build-force = Bouw elke folder opnieuw, ook die welke niet veranderd zijn.
help-leaflet-build-open = Open daarna de gebouwde pdf (van de eerste folder) in het standaardprogramma.
help-leaflet-build-target = Voor wie de pdf is: office (printer op kantoor) of print (drukkerij).
help-leaflet-build-marks = Met --target print: zet snijtekens buiten de afloop.
help-leaflet-build-booklet = Schrijf ook NAAM-booklet.pdf: A4-bladen om dubbelzijdig af te drukken en te vouwen.
help-leaflet-build-two_up = Schrijf ook NAAM-2up.pdf: elke pagina twee keer op A4, om af te drukken en door te snijden.
help-leaflet-build-large_print = Schrijf ook NAAM-groot.pdf: een uitgave in grote letters (16 pt, niet uitgevuld).
help-leaflet-build-prune = Verwijder de pdf's van folders die gewist of hernoemd werden (dat wordt altijd gemeld).
help-leaflet-build-report = Toon een tabel met cijfers over de typografie van elke folder.
help-leaflet-build-archive_names = Noem elke pdf naar zijn documentcode, versie en datum, bv. HEM-012_v3_2016-03-23.pdf: elke gepubliceerde versie houdt een eigen bestand.
help-leaflet-build-html = Maak ook NAAM.html: een toegankelijke webpagina van de folder (voor de website van het ziekenhuis), en index.html met alle folders; daarna blijft ze bij elke build bij.

about-leaflet-preflight = Kijk pdf's na op wat de drukkerij nodig heeft (PDF/X-4, afloop, lettertypes, kleur, maten).
help-leaflet-preflight-files = De pdf-bestanden om na te kijken.

about-leaflet-check = Kijk folders na op fouten, zonder pdf te schrijven.
help-leaflet-check-paths = Folderbestanden of mappen met folders (ook in submappen).
help-leaflet-check-strict = Tel waarschuwingen (spaties, lange zinnen, herziening te laat) als fouten.
help-leaflet-check-out = De map waarin `build` schrijft: het overzicht daar zegt of de tekst van een folder veranderd is sinds de vorige build zonder nieuwe `version`.
help-leaflet-check-fix = Verbeter eerst de veilige gewoontes in het bestand zelf (dubbele spaties, tabs tussen woorden, een Nederlandse datum bij `revised`, "•"-opsommingstekens) en toon elke gewijzigde regel.

about-leaflet-new = Begin een nieuwe folder: schrijft NAAM.yaml met elk veld uitgelegd.
help-leaflet-new-slug = De bestandsnaam zonder .yaml, bv. `wondzorg-thuis`.
help-leaflet-new-dir = Map waarin de folder komt.

about-leaflet-import = Zet een folder in platte tekst (.txt) om in een folderbestand.
help-leaflet-import-file = Het tekstbestand: de titel op de eerste regel, een lege regel tussen alinea's.
help-leaflet-import-output = Het folderbestand om te schrijven (standaard: leaflets/NAAM.yaml).

about-leaflet-schema = Toon het JSON-schema van folderbestanden (voor editors die YAML nakijken terwijl u typt).
about-leaflet-completions = Toon een script voor het aanvullen van commando's in de shell, bv. `leaflet completions bash > ~/.leaflet.bash`.
help-leaflet-completions-shell = De shell waarin aangevuld wordt.
about-leaflet-man = Toon de handleiding (roff), bv. `leaflet man > leaflet.1`.
about-leaflet-hyphenate = Toon waar woorden afgebroken mogen worden, met de uitzonderingen van de bibliotheek (`-` een lettergreep, `=` een samenstelling), om _data/hyphenation.txt na te kijken of aan te vullen.
help-leaflet-hyphenate-words = De woorden om te tonen.
help-leaflet-hyphenate-library = De foldermap waarvan _data/hyphenation.txt geldt.
help-leaflet-hyphenate-lang = De afbreekpatronen van de taal: nl, fr of en (de uitzonderingenlijst is alleen Nederlands).

about-leaflet-watch = Bouw de pdf's opnieuw na elke keer bewaren, tot Ctrl-C (fouten worden getoond, en het gaat gewoon door).
help-leaflet-watch-paths = Folderbestanden of mappen met folders (ook in submappen).
help-leaflet-watch-out = Map waarin de pdf's komen.

about-leaflet-serve = Open de folders in uw browser: een voorbeeld dat meeloopt, bewerken, boekjes (alleen op deze computer).
help-leaflet-serve-paths = Folderbestanden of mappen met folders (ook in submappen).
help-leaflet-serve-out = Map waarin de pdf's komen.
help-leaflet-serve-port = De poort op 127.0.0.1 waarop geantwoord wordt (0: een willekeurige vrije poort).

# De woorden van clap zelf rond de teksten.
clap-usage = Gebruik:
clap-commands = Commando's:
clap-arguments = Argumenten:
clap-options = Opties:
clap-help = Toon deze hulp
clap-version = Toon de versie
