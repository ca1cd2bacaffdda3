# De berichten van `leaflet` in het Nederlands (België). Elk bericht heeft een tweeling in
# locales/en/leaflet.ftl (een test houdt de twee bestanden gelijk). Woordkeus: een "map" is
# een map op de computer, een "folder" is een patiëntenfolder.

## Hoe een probleem getoond wordt

severity-error = fout
severity-warning = waarschuwing
hint-label = tip
field-top = veld `{ $name }`
field-section = sectie { $n }
field-section-titled = sectie { $n } (‘{ $heading }’)
field-in-section = { $section }, veld `{ $name }`
field-figure-in-section = { $section }, figuur { $n }, veld `{ $name }`

## check

check-tally = { $leaflets ->
        [one] 1 folder
       *[other] { $leaflets } folders
    } nagekeken: { $errors ->
        [one] 1 fout
       *[other] { $errors } fouten
    }, { $warnings ->
        [one] 1 waarschuwing
       *[other] { $warnings } waarschuwingen
    }
check-strict = --strict: waarschuwingen tellen als fouten
check-cannot-read = kan het bestand niet lezen: { $error }
check-not-utf8 = het bestand is geen UTF-8-tekst
check-not-utf8-hint = bewaar het bestand als UTF-8 in uw teksteditor ("Opslaan met codering: UTF-8")
date-future = de herzieningsdatum { $date } ligt in de toekomst
date-future-hint = schrijf de datum waarop de tekst het laatst herzien werd, geen geplande datum
date-overdue = laatst herzien op { $date }: meer dan { $years } jaar geleden, dus de folder moet herzien worden
date-overdue-hint = laat de auteurs de tekst nakijken en zet `revised` dan op de datum van die herziening
paragraph-long = deze alinea is gedrukt { $lines } regels lang; makkelijk leesbare tekst houdt alinea's onder { $max } regels
paragraph-long-hint = splits ze met een lege regel waar de gedachte verandert, of maak er een opsomming van

## Een folderbestand lezen

file-too-large = het bestand is { $size } kB; een folder mag hoogstens { $max } kB zijn
file-too-large-hint = kijk na of er niet per ongeluk iets in het bestand geplakt werd
file-empty = het bestand bevat geen folder: het is leeg
file-empty-hint = begin met `leaflet new NAAM`, dat een folder schrijft met elk veld erin
line-separator = er staat een onzichtbaar regelscheidingsteken ({ $code }) in de tekst: YAML leest het als een nieuwe regel
line-separator-hint = verwijder het (het komt mee met tekst geplakt uit Word of een webpagina); eindig in een body een regel met `\` om naar een nieuwe regel te gaan
field-empty = `{ $name }` is leeg
title-empty-hint = elke folder heeft een titel nodig
authors-empty-hint = elke folder heeft een team van auteurs nodig
year-wrong = het jaar { $year } kan niet kloppen
year-wrong-hint = schrijf de datum van de laatste herziening, bv. 2016-03-23
route-unknown = er is geen route `{ $key }` in de gedeelde routes
route-in-words-hint = schrijf alleen het routenummer: `route: { $number }` (de woorden “Volg route” worden vanzelf gedrukt)
contact-unknown = er is geen contact `{ $key }` in de gedeelde contacten
shared-add-or-inline = voeg het toe aan leaflets/_data/{ $file }, of schrijf het volledig uit: { $inline }
routes-known = bekende routes: { $known }; voeg `{ $key }` toe aan leaflets/_data/{ $file }
contacts-known = bekende contacten: { $known }; voeg `{ $key }` toe aan leaflets/_data/{ $file }

## Veldnamen

field-unknown = onbekend veld `{ $name }`
field-dutch-hint = schrijf `{ $field }`: de veldnamen zijn Engels, ook in een Nederlandstalige folder (`{ $name }` is onbekend)
field-belongs-top = `{ $name }` hoort bovenaan in het bestand, tegen de linkerkant, niet in een sectie of route; hier kunt u { $allowed } schrijven
field-belongs-section = `{ $name }` hoort in een sectie (onder `sections:`, na `- `); hier kunt u { $allowed } schrijven
field-belongs-route = `{ $name }` hoort onder `route:`; hier kunt u { $allowed } schrijven
field-belongs-contact = `{ $name }` hoort onder `contact:`; hier kunt u { $allowed } schrijven
field-did-you-mean = bedoelt u `{ $best }`? Velden worden precies gespeld zoals in de README
field-remove-hint = verwijder dit veld, of vergelijk de spelling met de README
field-missing = het veld `{ $name }` ontbreekt
field-missing-hint = voeg een regel `{ $name }: …` toe; `leaflet new` toont elk veld met een voorbeeld
field-twice = het veld `{ $name }` staat er twee keer
field-twice-hint = behoud één van de twee regels

## Slordigheden in YAML

text-is-list = deze tekst is geschreven als een YAML-lijst, dus het is niet één tekst
text-is-list-hint = schrijf `|` na de dubbele punt (`body: |`) en laat de regels met `- ` eronder staan, ingesprongen: ze worden een opsomming
text-is-map = deze tekst bevat een dubbele punt gevolgd door een spatie, dus YAML leest hem als een veld
text-is-map-hint = zet de hele tekst tussen dubbele aanhalingstekens, of schrijf `|` na de eerste dubbele punt en de tekst op de volgende regel, ingesprongen
date-not-a-date = `{ $text }` is geen datum in de vorm jaar-maand-dag
date-format-hint = datums worden geschreven als jaar-maand-dag, bv. 2016-03-23
date-suggest-hint = bedoelt u { $date }?
route-neither = `route` is geen routenummer en ook geen volledig uitgeschreven route
route-neither-hint = schrijf `route: 105` (een nummer uit leaflets/_data/routes.yaml), of de route volledig met precies twee regels eronder: `number: 105` en `description: …`
second-document = een regel `---` begint een tweede folder in dit bestand
second-document-hint = één bestand bevat één folder: verwijder de regel `---`, of zet wat erna komt in een eigen bestand
contact-neither = `contact` is geen contactsleutel en ook geen volledig uitgeschreven contact
contact-neither-hint = schrijf `contact: radiologie` (een sleutel uit leaflets/_data/contacts.yaml), of het contact volledig met `name:` en `phone:` eronder
not-fields = dit is geen lijst van regels `veld: waarde`
not-fields-hint = elke regel begint met een veldnaam en een dubbele punt, bv. `title: Wondzorg thuis`
sections-not-list = `sections` moet een lijst van secties zijn
sections-not-list-hint = begin elke sectie op een eigen regel met `  - heading: …` of `  - body: |`
control-character = er staat een onzichtbaar stuurteken in de tekst
control-character-hint = verwijder het: zet de cursor er net achter en druk op Backspace, of typ het woord opnieuw
second-colon = een tweede dubbele punt op deze regel
colon-quote-hint = een dubbele punt in een tekst vraagt aanhalingstekens rond de tekst: { $example }
colon-quote-example-hint = zet de tekst tussen aanhalingstekens, bv. title: "Let op: nuchter blijven"
tab-indent = er wordt ingesprongen met een tab
tab-indent-hint = spring alleen in met spaties (in de meeste editors: Inspringing omzetten naar spaties)
unclosed = hier wordt een aanhalingsteken of haakje geopend en nooit gesloten
unclosed-hint = zet het sluitende aanhalingsteken (of haakje) aan het einde van de tekst, of verwijder het openende
yaml-parser = de YAML-lezer meldt: { $detail }
fields-line-up-hint = de velden van één sectie moeten onder elkaar staan: zet `body:` precies onder `heading:`, en spring in met spaties
yaml-parser-hint = kijk de inspringing en de dubbele punten op deze regel na; vergelijk met een folder die wel gebouwd wordt
route-field-did-you-mean = bedoelt u `{ $best }`? Een route heeft `number` en `description`
route-fields-hint = een volledig uitgeschreven route heeft precies `number` en `description`
route-field-missing-hint = voeg `{ $name }: …` toe onder `route:`, ingesprongen zoals `number:`
route-fields-example-hint = een volledig uitgeschreven route heeft `number: 105` en `description: …`

## Nalezen (check)

lint-control = er staat een onzichtbaar stuurteken ({ $code }) in de tekst
lint-control-hint = verwijder het: zet de cursor er net achter en druk op Backspace, of typ het woord opnieuw
lint-no-glyph = “{ $text }” ({ $code }) kan niet gedrukt worden: het lettertype heeft er geen teken voor
lint-no-glyph-hint = vervang het door gewone letters, of verwijder het (emoji, symbolen en andere schriften staan niet in het lettertype)
lint-space-nbsp = een spatie naast een harde spatie
lint-space-nbsp-hint = behoud één van de twee: een harde spatie (⍽) alleen houdt de woorden samen, een gewone spatie alleen laat de regel daar afbreken
lint-spaces = { $count } spaties na elkaar
lint-spaces-hint = laat één spatie tussen de woorden
lint-repeated = het woord “{ $word }” staat er twee keer
lint-repeated-hint = schrap één van de twee
lint-sentence = deze zin telt { $count } woorden; eenvoudige taal (B1) houdt zinnen bij { $max }
lint-sentence-hint = splits hem in twee zinnen

## Bouwen

reason-forced = opnieuw gebouwd op vraag (--force)
reason-tool = nieuwe versie van leaflet
reason-new = nieuw
reason-failed = mislukt bij de vorige keer
reason-outputs = andere uitvoer gevraagd
reason-file = { $name } ontbrak of was gewijzigd
reason-text = tekst gewijzigd
reason-style = huisstijl of woordafbreking gewijzigd
reason-route = route { $key } gewijzigd
reason-contact = contact { $key } gewijzigd
reason-inputs = invoer gewijzigd
build-summary = { $built } gebouwd, { $up_to_date } ongewijzigd, { $failed } mislukt ({ $seconds } s)
build-orphans-removed = ; { $count ->
        [one] 1 pdf van een verwijderde folder weggehaald
       *[other] { $count } pdf's van verwijderde folders weggehaald
    }
build-orphans-left = ; { $count ->
        [one] 1 pdf van een verwijderde folder blijft staan
       *[other] { $count } pdf's van verwijderde folders blijven staan
    }
build-interrupted = ; onderbroken, { $count } niet begonnen
build-out = ; de pdf's staan in { $out }
build-progress-built = gebouwd { $name } — { $why }
build-progress-failed = mislukt { $name }
build-progress-bar = folders
out-cannot-create = kan de uitvoermap niet maken: { $error }
out-cannot-create-hint = kies een andere map met -o, of kijk de rechten van de map na
data-users-not-built = { $users ->
        [one] 1 folder die ze gebruikt, werd niet gebouwd
       *[other] { $users } folders die ze gebruiken, werden niet gebouwd
    }
data-users-not-built-hint = verbeter eerst de gedeelde gegevens hierboven; de vorige pdf's werden bewaard
threads-failed = kan geen werkthreads starten: { $error }
print-booklet = boekjes: druk af op A4 liggend, dubbelzijdig, omslaan langs de KORTE zijde, op 100 % (niet "aanpassen aan pagina"); vouw de stapel in het midden
print-two-up = 2 per blad: druk af op A4 liggend op 100 % (niet "aanpassen aan pagina"), snij dan elk blad middendoor
open-failed = kon de pdf niet openen met { $program }: { $error }
indent-too-deep = `{ $name }:` staat verder ingesprongen dan `{ $above }:` erboven
indent-too-deep-hint = zet `{ $name }:` precies onder `{ $above }:` van regel { $line }: { $spaces } spaties vanaf de linkerkant
apostrophe-start = een tekst kan niet met ' beginnen: YAML leest dat als een openend aanhalingsteken
apostrophe-start-hint = schrijf de gekrulde apostrof, { $curly }, of zet de hele tekst tussen dubbele aanhalingstekens: { $quoted }

## Valkuilen van YAML

placeholder = “{ $shown }” uit `leaflet new` moet nog ingevuld worden
placeholder-hint = vervang het door de eigen tekst van deze folder
yaml-null = `{ $value }` betekent in YAML “geen waarde”, geen tekst
yaml-null-hint = schrijf de tekst, of laat de hele regel weg als het veld niet verplicht is
comment-dropped = de tekst na `#` wordt gelezen als commentaar en niet gedrukt: “{ $dropped }”
comment-dropped-hint = zet de tekst tussen dubbele aanhalingstekens om alles te drukken: { $example }
comment-in-body-hint = schrijf `body: |` en de tekst op de regels eronder, ingesprongen: in een `|`-blok is een `#` gewoon tekst
folded-list-item = het opsommingsteken op deze regel wordt aan de tekst ervoor geplakt
folded-paragraph = deze alinea wordt aan de vorige geplakt
folded = { $problem }: de body is geen `|`-blok, dus YAML voegt de regels samen
folded-hint = schrijf `body: |` en de tekst op de regels eronder, ingesprongen: een `|`-blok houdt elke regel zoals getypt
markup-in-line = `{ $mark }` wordt gedrukt zoals getypt: alleen een body wordt als Markdown gelezen
markup-in-line-hint = verwijder de tekens: een titel of kop krijgt al een eigen opmaak
invisible-only = { $what ->
        [title] de titel
       *[heading] de kop
    } wordt als niets gedrukt: er staan alleen onzichtbare tekens in (zachte afbreekstreepjes, spaties zonder breedte)
invisible-only-hint = verwijder { $what ->
        [title] de titel
       *[heading] de kop
    } en typ opnieuw
contact-empty-hint = schrijf `contact: radiologie` (een sleutel uit _data/contacts.yaml), of laat de regel weg
body-empty-hint = schrijf de tekst op de regels onder `body: |`, ingesprongen, of laat de regel weg
text-empty-hint = schrijf de tekst na `{ $key }:`
optional-empty-hint = schrijf de tekst na `{ $key }:`, of laat de hele regel weg: het veld is niet verplicht
section-empty = deze sectie is leeg: ze heeft geen kop en geen tekst
section-empty-hint = schrijf `heading:` en `body: |` na de `-`, of verwijder de regel

## Bestanden

not-a-file = dit is { $kind }, geen bestand; het werd niet gelezen
not-a-file-hint = folders en bestanden in `_data` zijn gewone tekstbestanden
file-too-large-any = het bestand is { $size } kB; het mag hoogstens { $max } kB zijn
nesting = haakjes zijn meer dan { $max } niveaus diep genest
nesting-hint = zoek naar een `[` of `{"{"}` die nooit gesloten werd
bad-encoding = de tekst is geen geldige { $encoding }: sommige tekens kunnen niet gelezen worden
bad-encoding-hint = open het bestand in uw teksteditor en bewaar het opnieuw als UTF-8
kind-fifo = een benoemde pijp (FIFO)
kind-socket = een socket
kind-device = een apparaat
kind-folder = een map
kind-file = een bestand
kind-other = geen gewoon bestand
kind-dangling-link = een koppeling naar niets
word-too-wide = het woord “{ $word }” past niet op een regel, zelfs niet afgebroken
word-too-wide-hint = breek het op met spaties of koppeltekens (bv. een lange code of een adres), of maak het korter
tie-split-hint = bouw de pdf en bekijk deze plek; de zin anders formuleren helpt meestal

## check --fix

fix-bullet = opsommingsteken { $bullet } → -
fix-date = datum { $from } → { $to }
fix-tabs = { $count ->
        [one] 1 tab
       *[other] { $count } tabs
    } → spatie
fix-spaces = { $count ->
        [one] 1 dubbele spatie
       *[other] { $count } dubbele spaties
    } enkel gemaakt
fix-write-failed = niet verbeterd: { $error }
fix-refused = niet verbeterd: het verbeterde bestand zou niet meer als folder te lezen zijn
booklet-one-page = een boekje van 1 pagina is één blad met 3 lege pagina's
booklet-one-page-hint = druk deze folder 2 per blad af (--two-up) en snij het blad middendoor
booklet-blanks = het boekje van { $pages } pagina's eindigt met { $blanks ->
        [one] 1 lege pagina
       *[other] { $blanks } lege pagina's
    }
booklet-blanks-hint = met { $more ->
        [one] 1 pagina
       *[other] { $more } pagina's
    } tekst meer, of { $fewer } minder, is het boekje precies vol; of druk 2 per blad af (--two-up) en snij

## Folders zoeken, uitvoerbestanden

input-cannot-open = kan het niet openen: { $error }
input-cannot-open-hint = geef een folderbestand of een map met folders, bv. `leaflet build leaflets/`
input-not-leaflet = dit is { $kind }, geen folderbestand of map
input-not-leaflet-hint = geef een folderbestand of een map met folders
folder-unreadable = kan deze map niet lezen: { $error }
folder-unreadable-hint = de folders erin werden niet gebouwd; kijk de rechten van de map na
hidden-file = een verborgen bestand (de naam begint met een punt); overgeslagen
hidden-file-hint = hernoem het zonder de punt vooraan om het te bouwen
folder-link = een koppeling naar een map; de folders erin werden niet gebouwd
folder-link-hint = bouw die map door ze te noemen: `leaflet build MAP`
not-a-file-skipped = dit is { $kind }, geen bestand; overgeslagen
not-a-file-skipped-hint = een folder is een gewoon tekstbestand
bad-file-name = met deze bestandsnaam kan geen pdf genoemd worden
bad-file-name-hint = gebruik letters, cijfers, '-' en '_' in de bestandsnamen van folders
same-name-windows = { $name }, dezelfde naam op een Windows-schijf
name-clash = een andere folder, { $other }, maakt ook { $what }; geen van beide werd gebouwd
name-clash-hint = geef één van de twee bestanden een andere naam; de pdf's die er al stonden, werden bewaard
orphan = de folder { $source } bestaat niet meer; de pdf staat niet in de index
orphan-hint = verwijder de pdf met `leaflet build --prune`, of zet de folder terug
output-is-folder = een map heeft de naam van dit uitvoerbestand; geen enkel bestand van deze folder werd vervangen
output-is-folder-hint = haal die map uit de uitvoermap
out-not-writable = kan niet schrijven in de uitvoermap: { $error }
out-not-writable-hint = kies met -o een map waarin u mag schrijven
out-cannot-lock = kan de uitvoermap niet vergrendelen: { $error }
write-failed-hint = kijk na of u in de uitvoermap mag schrijven en of de schijf niet vol is

## new en import

new-bad-name = `{ $slug }` kan niet de bestandsnaam van een folder zijn
new-bad-name-hint = gebruik kleine letters, cijfers en '-', bv. `leaflet new wondzorg-thuis`
new-wrote = { $path } geschreven
new-next = vul het nu in, en dan `leaflet check { $path }`
import-wrote = { $path } geschreven ({ $sections ->
        [one] 1 sectie
       *[other] { $sections } secties
    })
import-next = nu: `leaflet check { $path }`
file-exists = dit bestand bestaat al; het werd niet aangeraakt
file-exists-hint = kies een andere naam, of verwijder of hernoem eerst het oude bestand
nothing-written = er werd niets geschreven: { $error }
nothing-written-hint = dit is een fout in leaflet; meld ze graag, met het invoerbestand
mkdir-failed = kan de map niet maken: { $error }
mkdir-failed-hint = kijk de naam van de map na, en of u daar mag schrijven
write-nothing = kan het niet schrijven: { $error }; er werd niets geschreven
write-nothing-hint = kijk na of de schijf niet vol is en of u daar mag schrijven
import-path-hint = geef het pad van de folder in platte tekst, bv. `leaflet import folder.txt`
import-guessed = de tekst is geen UTF-8; hij werd gelezen als { $encoding } (accenten zoals é, à en ° bewaard)
import-guessed-hint = kijk de accenten in het resultaat na; bewaar de tekst als UTF-8, dan hoeft er niet geraden te worden
usage-marks = fout: --marks zet snijtekens voor de drukkerij; gebruik het met --target print
usage-sheets-print = fout: --booklet en --two-up maken A4-bladen voor de printer op kantoor; de drukkerij schikt de A5-pagina's zelf, dus laat ze weg bij --target print

## Contactgegevens in de tekst

list-and = {" "}en{" "}
phone-also-contact = { $number } wordt ook gedrukt met `contact: { $key }`
phone-also-contact-hint = laat het nummer weg uit de tekst: als contacts.yaml verandert, zou de pagina anders twee verschillende nummers drukken
phone-is-shared = { $number } is het telefoonnummer van { $keys } in _data/contacts.yaml
phone-is-shared-hint = schrijf `contact: { $key }` en laat het nummer weg uit de tekst: een nieuw nummer in contacts.yaml komt dan ook in deze folder
phone-two-numbers-contact = twee nummers voor { $name }: { $number } hier, { $other } onder `contact:`
phone-two-numbers-contact-hint = behoud één nummer: laat het weg uit de tekst, het wordt met het contact gedrukt
phone-two-numbers-shared = twee nummers voor { $name }: { $number } hier, { $other } in _data/contacts.yaml
phone-two-numbers-shared-hint = als het nummer van dezelfde dienst is, schrijf dan `contact: { $key }` en laat het weg uit de tekst
email-also-contact = { $address } wordt ook gedrukt met `contact: { $key }`
email-also-inline = { $address } wordt ook gedrukt met `contact:`
email-also-contact-hint = laat het adres weg uit de tekst: als het verandert, zou de pagina anders twee verschillende adressen drukken
email-is-shared = { $address } is het e-mailadres van `{ $key }` in _data/contacts.yaml
email-is-shared-hint = schrijf `contact: { $key }` en laat het adres weg uit de tekst: een nieuw adres in contacts.yaml komt dan ook in deze folder
block-first-deeper = de eerste regel van deze tekst springt verder in dan regel { $line } eronder
block-first-deeper-hint = laat elke regel van de tekst op dezelfde plaats beginnen: { $spaces } spaties vanaf de linkerkant, zoals op regel { $line }
section-not-fields = deze sectie is een losse tekst, geen regels `veld: waarde`
section-not-fields-hint = begin de sectie met `- heading: …` en zet de tekst onder `body: |` op de volgende regel, precies onder `heading:`

## Markdown in een body

md-entity = “{ $typed }” wordt gedrukt zoals getypt: een folder is geen webpagina
md-entity-hint = typ het teken zelf (&, €, een spatie) in plaats van de HTML-code ervan
md-unclosed-bold = deze `{ $marks }` wordt nergens gesloten, dus hij wordt gedrukt
md-unclosed-bold-hint = sluit de vette tekst met dezelfde tekens meteen na het laatste woord, of verwijder ze
md-item-joined = deze regel begint als een opsomming (“{ $marker }”) maar wordt aan de regel ervoor geplakt
md-item-joined-hint = begin elk punt van de opsomming met `- ` (of `1. `) en een spatie, na een lege regel of een regel die op `:` eindigt; of eindig de regel ervoor met `\`
md-lazy-line = deze regel wordt gedrukt als deel van het punt erboven: een regel vlak onder een opsomming hoort bij het laatste punt
md-lazy-line-hint = laat een lege regel tussen de opsomming en de tekst; of spring de regel in zoals de tekst van het punt om hem erbij te houden
md-stars = de `*` rond “{ $inner }” maken de tekst schuin of vet en worden niet gedrukt
md-stars-hint = schrijf × (of x) voor "maal"; typ `\*` om een `*` te drukken
md-star-item = deze `*` begint een opsomming, dus hij wordt een opsommingsteken, niet het voetnootteken dat de tekst erboven gebruikt
md-star-item-hint = typ `\*` om de `*` zelf te drukken, of schrijf de opmerking in de tekst
md-renumbered = dit punt is getypt als nummer { $number } maar wordt gedrukt als { $printed }: Markdown nummert de punten van een lijst op volgorde
md-renumbered-hint = nummer de punten 1, 2, 3 … zoals ze volgen, of splits de lijst met een regel tekst ertussen
md-table-hint = laat een lege regel voor de tabel, geef de kopregel één cel per `---`, en zet er een regel zoals `|---|---|` onder
md-surplus-cells = deze rij heeft { $typed } cellen maar de kopregel { $columns }: de laatste { $dropped } zouden niet gedrukt worden
md-surplus-cells-hint = geef de kopregel evenveel cellen, of voeg de extra cellen samen tot één
md-run-on = deze { $lines } korte regels worden als één doorlopende regel gedrukt
md-run-on-hint = eindig elke regel behalve de laatste met een backslash `\` om de regels te houden zoals getypt, of laat een lege regel tussen alinea's
md-table-no-rule = deze regels lijken een tabel, maar de regel `|---|` onder de kopregel ontbreekt, dus de verticale strepen zouden gedrukt worden
md-table-bad-header = deze regels lijken een tabel, maar de rij boven de regel `|---|` heeft niet één cel per `---` (of er staat tekst voor), dus de verticale strepen zouden gedrukt worden
md-link-meaningless = de linktekst “{ $text }” betekent niets op papier
md-link-meaningless-hint = schrijf wat de lezer daar vindt, bv. “de website van het ziekenhuis”: het adres wordt na de tekst gedrukt
md-typed-bullet = “{ $bullet }” aan het begin van een regel wordt gelezen als een punt van een opsomming
md-typed-bullet-hint = typ de punten van een opsomming als `- ` aan het begin van de regel, dan ziet Markdown de lijst
md-unused-definition = geen enkele link gebruikt het adres “{ $shown }”, dus het wordt niet gedrukt
md-unused-definition-hint = schrijf het adres in de tekst, of gebruik het in een link: [tekst][label]
md-html = HTML (`{ $shown }`) kan niet gedrukt worden: het zou als codes verschijnen
md-html-hint = gebruik Markdown (**vet**, *schuin*) of verwijder de code
md-footnote = een voetnoot (`[^…]`) kan niet gedrukt worden
md-footnote-hint = zet de opmerking in de tekst zelf, tussen haakjes
md-rule = een regel `---` (een horizontale lijn) kan niet gedrukt worden
md-rule-hint = begin een nieuwe sectie (`- heading: …`) om de tekst te scheiden, of verwijder de regel
md-checkbox = een aankruisvakje (`[ ]`) kan niet gedrukt worden
md-checkbox-hint = schrijf het punt zonder `[ ]`
md-construct = deze Markdown-opmaak kan niet gedrukt worden
md-construct-hint = schrijf het als gewone tekst

## Gedeelde gegevens (_data/)

style-yaml-hint = de instellingen van de huisstijl en hun standaardwaarden staan in de README
route-no-description = route `{ $key }` heeft geen beschrijving
route-no-description-hint = schrijf elke route als `105: oncologisch dagziekenhuis`
routes-yaml-hint = elke regel is `nummer: beschrijving`, bv. `105: oncologisch dagziekenhuis`
contacts-yaml-hint = elk contact is een sleutel met `name:`, `phone:` en eventueel `hours:` en `email:` eronder
large-print-note = grote letters: { $message }
section-wrong-shape = deze sectie bestaat niet uit regels `veld: waarde`

## Documentbeheer (code, version, online) en talen

code-wrong = de code `{ $code }` { $why }
code-wrong-hint = schrijf de documentcode van het ziekenhuis, bv. `code: HEM-012`
code-empty = is leeg
code-too-long = is langer dan { $max } tekens
code-bad-char = bevat “{ $char }”; een code mag letters, cijfers, `-`, `.` en `_` bevatten
version-wrong = de versie { $version } kan niet kloppen
version-wrong-hint = tel de herzieningen vanaf 1: `version: 3` voor de derde gepubliceerde tekst
version-not-number = de versie is geen geheel getal
version-not-number-hint = schrijf het herzieningsnummer, geteld vanaf 1: `version: 3`
online-wrong = het adres `{ $address }` { $why }
online-wrong-hint = schrijf het volledige adres van de online versie, bv. `online: https://www.azdelta.be/hem-012`
online-http = is niet beveiligd (http); de QR-code neemt alleen https://-adressen
online-not-https = begint niet met https://
online-too-long = is langer dan { $max } tekens: te dicht voor een QR-code op papier
online-space = bevat een spatie
online-bad-char = bevat “{ $char }”; schrijf het zoals de adresbalk van de browser het toont wanneer u het kopieert
online-bad-host = heeft geen geldige hostnaam (`{ $host }`)
lang-unknown = `{ $lang }` is geen taal waarin folders gedrukt worden
lang-unknown-hint = schrijf `lang: nl` (de standaard), `lang: fr` of `lang: en`
shared-untranslated = { $field ->
        [route] de gedeelde route
       *[other] het gedeelde contact
    } `{ $key }` heeft geen { $lang ->
        [fr] Franse
       *[en] Engelse
    } tekst, dus de Nederlandse wordt gedrukt
shared-untranslated-hint = voeg `{ $key }` toe aan leaflets/_data/{ $file }.{ $lang }.yaml, of schrijf { $field ->
        [route] de route
       *[other] het contact
    } hier volledig uit
version-not-raised = de tekst is veranderd sinds de vorige build, maar de versie is nog altijd { $version }
version-not-raised-hint = verhoog ze naar `version: { $next }` wanneer deze tekst gepubliceerd wordt (en pas `revised` aan)

## Figuren, afbeeldingen en de huisstijl van het ziekenhuis

figure-no-alt = de figuur `{ $file }` heeft geen alternatieve tekst
figure-no-alt-hint = voeg `alt:` toe met een zin die zegt wat de afbeelding toont, bv. `alt: Een verpleegkundige prikt bloed in de arm`; schermlezers lezen die voor
figure-width-wrong = `{ $width }` is geen breedte voor een figuur; geef { $min }–100 %
figure-width-wrong-hint = de breedte is een deel van de tekstbreedte, bv. `width: 60 %`
figure-inside-hint = zet de afbeelding in de bibliotheek, bv. in een map `figuren` naast de folder, en schrijf `file: figuren/NAAM`
figure-file-empty = `file` is leeg
figure-absolute = `{ $file }` is een absoluut pad; een figuur wordt genoemd vanaf de map van de folder
figure-missing = er is geen afbeelding `{ $file }` naast de folder
figure-missing-hint = kijk de spelling en de map na: het pad vertrekt vanaf het folderbestand
figure-outside = `{ $file }` ligt buiten de folderbibliotheek ({ $root })
figure-refused = de figuur `{ $file }`: { $why }
figure-shrunk = de figuur is te hoog voor de pagina op { $asked } % van de tekstbreedte; ze wordt gedrukt op { $printed } %
figure-shrunk-hint = geef een kleinere `width`, of snijd de afbeelding bij tot een bredere vorm
picture-low-ppi = { $what ->
        [logo] het logo wordt
       *[figure] de figuur wordt
    } op die grootte gedrukt met { $ppi } ppi ({ $mm } mm breed); drukwerk vraagt { $needed }
picture-low-ppi-hint = gebruik een afbeelding van minstens { $pixels } pixels breed, of geef een kleinere `width`
picture-save-again = open de afbeelding in een fotobewerkingsprogramma en bewaar ze opnieuw als PNG, JPEG of SVG
picture-unreadable-hint = geef een PNG-, JPEG- of SVG-bestand binnen de bibliotheek
picture-empty = het afbeeldingsbestand is leeg (0 bytes)
picture-empty-hint = kopieer de afbeelding opnieuw naar de bibliotheek
picture-unknown-kind = dit bestand is geen PNG-, JPEG- of SVG-afbeelding
picture-wrong-extension = het bestand bevat een { $kind }-afbeelding, maar de naam eindigt op `.{ $ext }`
picture-wrong-extension-hint = geef het een naam die eindigt op `.{ $ext }`, zodat iedereen ziet wat het is
picture-zero-size = de afbeelding zegt { $width } × { $height } pixels groot te zijn
picture-too-many-pixels = de afbeelding is { $width } × { $height } pixels; er worden hoogstens { $max } miljoen pixels geplaatst
picture-too-many-pixels-hint = maak ze kleiner: 1800 pixels breed is 300 ppi over de hele breedte van een A5-pagina
svg-too-large = het SVG-bestand is { $size } kB; een illustratie mag hoogstens { $max } kB zijn
svg-too-large-hint = er zit waarschijnlijk een foto in: plaats de foto liever als JPEG
svg-unreadable = het SVG-bestand kan niet gelezen worden: { $why }
svg-unreadable-hint = exporteer de illustratie opnieuw als gewone SVG uit het tekenprogramma
svg-canvas-too-large = het canvas van de SVG is { $width } × { $height } pixels; hoogstens { $max } breed
svg-canvas-too-large-hint = geef het <svg>-element een redelijke width, height of viewBox
svg-empty = het SVG-bestand tekent niets
svg-empty-hint = exporteer de illustratie opnieuw uit het tekenprogramma
svg-not-utf8 = het is geen UTF-8-tekst
svg-bad-gzip = het is een beschadigde gecomprimeerde SVG
svg-too-many-elements = het heeft te veel elementen
svg-invalid-size = het heeft geen geldige width, height of viewBox
jpeg-save-again = bewaar de foto opnieuw als JPEG (of PNG) vanuit een fotobewerkingsprogramma
jpeg-damaged = het JPEG-bestand is afgebroken of beschadigd
jpeg-lossless = de JPEG is verliesvrij gecodeerd, wat pdf-lezers niet kunnen tonen
jpeg-precision = de JPEG heeft kanalen van { $bits } bit; pdf-lezers tonen alleen JPEG's van 8 bit
jpeg-channels = de JPEG heeft { $channels } kleurkanalen; grijs, RGB of CMYK wordt geplaatst
png-unreadable = het PNG-bestand kan niet gelezen worden: { $why }
png-save-again = bewaar de afbeelding opnieuw als PNG vanuit een fotobewerkingsprogramma
png-too-large = de PNG is te groot om te lezen
png-too-large-hint = maak ze kleiner
png-palette = het kleurenpalet van de PNG kon niet omgezet worden
png-cut-short = het is afgebroken
png-too-many-bytes = het wordt te groot bij het uitpakken
hospital-file-hint = hospital.yaml bevat `name:`, en eventueel `address:`, `phone:`, `website:` en `logo:`
hospital-name-empty = de `name` van het ziekenhuis is leeg
hospital-name-empty-hint = schrijf de naam zoals hij gedrukt wordt, bv. `name: AZ Voorbeeld`
logo-refused = het logo `{ $file }`: { $why }

## Criteria voor makkelijk leesbare tekst in de huisstijl

criteria-body-size = broodtekst van { $size } pt is kleiner dan de { $min } pt die makkelijk leesbare tekst vraagt
criteria-body-size-hint = RNIB Clear Print vraagt 12 pt; de huisstijl gebruikt 11 pt (laat `body_size` weg)
criteria-leading = een regelafstand van { $leading } is kleiner dan de { $min } die makkelijk leesbare tekst vraagt
criteria-leading-hint = Keurmerk Makkelijk Lezen en WCAG 1.4.12 vragen 1,5 (laat `leading` weg)

## Markdown die een body niet kan drukken

md-heading = een Markdown-titel (`#`) in een body
md-heading-hint = geef hem een eigen sectie (`- heading: …`), of verwijder de `#`
md-setext-heading = een regel `---` of `===` onder deze tekst maakt er een Markdown-titel van
md-setext-heading-hint = laat een lege regel boven de `---`, of geef de titel een eigen sectie
md-block-quote = een citaatblok (`>`) kan niet gedrukt worden
md-block-quote-hint = verwijder de `>` aan het begin van de regel
md-indented-code = deze tekst is vier spaties of meer ingesprongen, dus Markdown leest hem als code
md-indented-code-hint = spring minder in: de tekst van een punt van een opsomming loopt twee spaties ingesprongen verder
md-code-block = een codeblok (```) kan niet gedrukt worden
md-code-block-hint = verwijder de regels met ```
md-footnote-definition = een voetnoot (`[^…]:`) kan niet gedrukt worden
md-image = een afbeelding in de tekst kan niet gedrukt worden
md-image-hint = geef ze als figuur van de sectie (`figures:` met `- file: …` en `alt: …`), of zeg in woorden wat ze toont
md-strikethrough = doorgehaalde tekst (`~~`) kan niet gedrukt worden
md-strikethrough-hint = verwijder de tekst, of de `~~` eromheen
md-table-too-wide = een tabel van { $columns } kolommen past niet op de pagina; hoogstens { $max } passen er
md-table-too-wide-hint = splits ze in twee tabellen, of draai ze om (rijen voor kolommen)
md-link-no-address = deze link heeft geen adres
md-link-no-address-hint = schrijf het adres tussen de haakjes: [tekst](https://…)

## De huisstijl (style.yaml)

style-mm-hint = de afmetingen van de pagina en de marges zijn in millimeter
style-page-size = { $value } mm is geen paginaformaat; geef { $min }–{ $max } mm
style-page-size-hint = A5 is 148 × 210 mm
style-margin = een marge van { $value } mm; geef { $min }–{ $max } mm
style-type-size = letters van { $value } pt zijn niet leesbaar; geef { $min }–{ $max } pt
style-type-size-hint = lettergroottes zijn in punt: broodtekst is 10–12, grote letters 16
style-leading = een regelafstand van { $value }; geef { $min }–{ $max } keer de lettergrootte van de broodtekst
style-leading-hint = 1.35 is de huisstijl, 1.5 grote letters
style-paragraph-space = { $value } regels tussen alinea's; geef 0–{ $max }
style-paragraph-space-hint = 0.5 is een halve regel
style-list-indent = een inspringing van { $value } pt voor opsommingen; geef 0–{ $max } pt
style-list-indent-hint = 14 pt is de huisstijl
style-channel = een kleurkanaal van { $value }; geef 0–1
style-channel-hint = CMYK-kanalen lopen van 0 (niets) tot 1 (vol): 0.85 is 85 %
style-ink = { $ink } % inkt in totaal; de drukker staat hoogstens { $max } % toe
style-ink-hint = verlaag C, M of Y: diepzwart heeft naast k: 1 niet meer dan 0.6 van elk nodig
style-logo-colour = `{ $hex }` is geen kleur van het logo
style-logo-colour-hint = schrijf de kleur van het logo zoals in de SVG, tussen aanhalingstekens: "#0a5ca8": {"{"}c: 1, m: 0.45, y: 0, k: 0.1{"}"}
style-brand-channel = de huiskleur voor { $hex } heeft een kanaal buiten 0–1
style-brand-ink = de huiskleur voor { $hex } heeft { $ink } % inkt in totaal; de drukker staat hoogstens { $max } % toe
style-brand-ink-hint = verlaag C, M of Y
style-review-years = een herziening om de { $value } jaar; geef { $min }–{ $max }
style-review-years-hint = folders worden om de 3 jaar herzien
style-pad-pages = pagina's in veelvouden van { $n } kunnen niet gevouwen of ingeschoten worden
style-pad-pages-hint = geef 2, 4 of 8 (4 voor een gevouwen boekje), of laat pad_pages weg
style-measure = de marges laten een tekstkolom van { $width } mm over; die moet minstens { $min } mm zijn
style-measure-hint = maak margin_inner_mm of margin_outer_mm kleiner
style-measure-chars = broodtekst van { $size } pt geeft minder dan 30 tekens per regel in een kolom van { $width } mm
style-measure-chars-hint = gebruik een kleinere body_size of kleinere zijmarges
style-text-height = de marges laten { $height } mm paginahoogte over; die moet minstens { $min } mm zijn
style-text-height-hint = maak margin_top_mm of margin_bottom_mm kleiner
style-not-a-number = geen getal
style-infinite = een oneindig getal

## watch en serve op de terminal

watch-started = Ik volg { $paths } en maak de PDF's opnieuw na elke bewaring; ze komen in de map { $out }. Stoppen: Ctrl-C.
watch-changed = [{ $clock }] gewijzigd: { $names }
watch-rebuilt = [{ $clock }] opnieuw gemaakt: { $pdfs } (in de map { $out })
watch-stopped = Gestopt.
watch-cannot-start = fout: kan wijzigingen niet volgen: { $why }
watch-cannot-watch = fout: kan de map { $dir } niet volgen: { $why }
watch-event-error = let op: een wijziging kon niet gelezen worden ({ $why }); ik blijf volgen
serve-started = De folders staan klaar op { $address } — open dat adres in uw browser. Alleen deze computer kan erbij. Stoppen: Ctrl-C.
serve-cannot-bind = fout: kan poort { $port } niet openen: { $why }
    {"  "}tip: kies een andere poort met --port, bv. --port 8788
serve-file-broken = het bestand zelf heeft een fout ({ $why }); verbeter die eerst in een teksteditor
serve-field-not-editable = dit veld kan hier niet gewijzigd worden; gebruik een teksteditor
serve-one-line = schrijf dit op één regel
serve-edits-overlap = twee wijzigingen raken dezelfde regels; bewaar ze een voor een
serve-cannot-write = deze tekst kan niet zo in het bestand geschreven worden (begint hij met spaties?); pas hem aan of gebruik een teksteditor
serve-other-fields = de wijziging zou andere velden raken; niets bewaard
serve-section-gone = deze sectie staat niet (meer) in het bestand
serve-field-empty = dit veld mag niet leeg zijn
serve-field-multiline = dit veld staat over meerdere regels in het bestand; wijzig het in een teksteditor
serve-changed-elsewhere = het bestand is intussen elders gewijzigd; herlaad de pagina (kopieer eerst uw tekst)

## De pagina's opmaken

footer-too-long = de voettekst `{ $line }` is te lang voor de breedte van de pagina
footer-too-long-hint = maak `authors` korter (de voettekst mag ongeveer { $fits } tekens hebben), bv. noem het team in plaats van elke persoon
too-many-pages = de folder wordt { $pages } pagina's lang; een folder mag hoogstens { $max } pagina's hebben
too-many-pages-hint = verdeel de tekst over meerdere folders
block-kind = { $kind ->
        [department] dienstregel
        [title] titel
        [subtitle] ondertitel
        [heading] kop
        [listitem] punt van een opsomming
        [contact] contactregel
        [route] routeregel
        [table] tabel
        [online] regel naast de QR-code
        [authors] auteursregel
       *[other] alinea
    }
stacked-accents = een letter in een { $kind } draagt meer dan { $max } accenten (combinerende tekens) en kan niet gedrukt worden
stacked-accents-hint = verwijder de extra accenten; ze komen meestal mee met tekst geplakt van het web
glyph-control = een stuurteken
glyph-char = het teken “{ $char }”
glyph-missing = { $shown } (U+{ $code }) in een { $kind } kan niet gedrukt worden: het lettertype heeft er geen glyph voor (het volgt op “{ $context }”)
glyph-missing-hint = vervang het door gewone letters, of verwijder het (emoji en symbolen staan niet in het lettertype)

## import

import-no-text = het bestand bevat geen tekst
import-no-text-hint = geef de folder in platte tekst: de titel op de eerste regel
import-missing = er werd geen regel { $line } gevonden
import-missing-hint = vul `{ $field }` in het YAML-bestand in voor u de folder bouwt
import-bullet = “{ $bullet }” aan het begin van een regel werd gelezen als een punt van een opsomming en geschreven als `- `
import-bullet-hint = kijk in het YAML-bestand na of de opsomming leest zoals bedoeld
import-kept = { $what ->
        [under-title] een regel vlak onder de titel
        [date] een datumregel die niet gelezen kon worden
        [route] een routeregel die niet gelezen kon worden (of een tweede)
       *[authors] een tweede auteursregel
    } werd als gewone tekst behouden
import-kept-hint = kijk in het YAML-bestand na of het in een veld hoort
import-route-differs = de tekst noemt route { $key } “{ $written }”; de gedeelde routes noemen ze “{ $known }”
import-route-differs-hint = de gedeelde beschrijving wordt gebruikt; verbeter leaflets/_data/routes.yaml als die de foute is

## The serve page's own labels (src/serve/nl.rs).
serve-print-booklet = Druk af op A4, liggend, dubbelzijdig, omslaan langs de KORTE zijde, op 100 % (niet "aanpassen aan pagina"). Vouw de stapel daarna in het midden.
serve-print-two-up = Druk af op A4, liggend, op 100 % (niet "aanpassen aan pagina"). Snijd elk blad daarna in het midden door.
serve-title-library = Folders
serve-col-title = Titel
serve-col-revised = Herzien op
serve-col-review = Nakijken tegen
serve-col-findings = Fouten / waarschuwingen
serve-col-built = Laatst gemaakt
serve-never-built = nog niet
serve-overdue = te laat
serve-preview = Voorbeeld
serve-edit = Bewerken
serve-save = Bewaren
serve-saved = Bewaard en opnieuw opgemaakt.
serve-saved-not-built = Bewaard, maar de PDF is niet opnieuw gemaakt (draait er een andere opdracht op de uitvoermap?). Maak hem met `leaflet build`.
serve-refused = Niet bewaard: zo kan de folder niet gemaakt worden. Het bestand is niet veranderd.
serve-build-booklet = Boekje maken (A4, vouwen)
serve-build-two-up = 2 per blad maken (A4, snijden)
serve-download = PDF openen
serve-back = ← alle folders
serve-no-contact = (geen)
serve-inline-keep = zoals in het bestand uitgeschreven (hier niet te wijzigen)
serve-not-editable = Dit bestand kan niet als folder gelezen worden, dus ook niet hier bewerkt. Verbeter de fout hieronder in een teksteditor; deze pagina toont het formulier weer zodra het bestand in orde is.
serve-markdown-help = Een lege regel tussen alinea's; "- " aan het begin van een regel voor een lijst; **vet**; [tekst](https://…) voor een link; een \ op het einde van een regel houdt de regelovergang.
serve-section = Sectie
serve-no-findings = geen
serve-cannot-build = Kan niet gemaakt worden:
serve-field-title = Titel
serve-field-subtitle = Ondertitel
serve-field-department = Dienst
serve-field-revised = Herzien op
serve-field-authors = Auteur(s)
serve-field-route = Route
serve-field-contact = Contact
serve-field-heading = Kop
serve-field-body = Tekst
serve-field-other = Veld
serve-counts = { $errors } fout(en), { $warnings } waarschuwing(en)
serve-built-extra = { $kind } is gemaakt.
serve-the-booklet = Het boekje
serve-the-two-up = Het 2-per-blad-bestand
serve-page-lang = nl-BE
serve-http-cross-site = geweigerd: een wijziging moet van deze pagina zelf komen
serve-http-too-large = te groot of geen tekst
serve-http-not-allowed = niet toegestaan
serve-http-not-found = niet gevonden
serve-http-unknown-host = onbekende Host: deze server antwoordt alleen op zijn eigen adres
