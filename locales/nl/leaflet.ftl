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
shared-add-or-inline = voeg het toe aan _data/{ $file }, of schrijf het volledig uit: { $inline }
routes-known = bekende routes: { $known }; voeg `{ $key }` toe aan _data/{ $file }
contacts-known = bekende contacten: { $known }; voeg `{ $key }` toe aan _data/{ $file }

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
fields-line-up-hint = de velden van één sectie moeten onder elkaar staan: zet `body:` precies onder `heading:`, en spring in met spaties
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
reason-figure = afbeelding { $file } gewijzigd
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
build-stale-kept = ; { $count ->
        [one] 1 oude pdf bewaard, verouderd
       *[other] { $count } oude pdf's bewaard, verouderd
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
orphan-unknown = geen enkele folder maakt deze pdf (gevonden zonder manifest dat zegt welke); de pdf staat niet in de index
orphan-renamed = de folder { $source } maakt dit bestand niet meer met de naamgeving van deze build; het staat niet in de index
stale-kept = de pdf van een vorige build werd bewaard, maar hij is verouderd; hij staat niet in de index
stale-kept-hint = verbeter de fout hierboven en bouw opnieuw; druk deze pdf tot dan niet af
name-clash-earlier = een andere folder, { $other }, maakte { $what } in deze uitvoermap; deze werd niet gebouwd
name-clash-earlier-hint = geef één van de twee bestanden een andere naam, of bouw deze in een andere map (-o); de pdf die er stond, werd bewaard
output-is-folder = een map heeft de naam van dit uitvoerbestand; geen enkel bestand van deze folder werd vervangen
output-is-folder-hint = haal die map uit de uitvoermap
out-not-writable = kan niet schrijven in de uitvoermap: { $error }
out-not-writable-hint = kies met -o een map waarin u mag schrijven
out-cannot-lock = kan de uitvoermap niet vergrendelen: { $error }
write-failed-hint = kijk na of u in de uitvoermap mag schrijven en of de schijf niet vol is

## new en import

file-exists = dit bestand bestaat al; het werd niet aangeraakt
file-exists-hint = kies een andere naam, of verwijder of hernoem eerst het oude bestand
nothing-written = er werd niets geschreven: { $error }
nothing-written-hint = dit is een fout in leaflet; meld ze graag, met het invoerbestand
write-nothing = kan het niet schrijven: { $error }; er werd niets geschreven
write-nothing-hint = kijk na of de schijf niet vol is en of u daar mag schrijven

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


## Gedeelde gegevens (_data/)

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
shared-untranslated-hint = voeg `{ $key }` toe aan _data/{ $file }.{ $lang }.yaml, of schrijf { $field ->
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


## De huisstijl (style.yaml)


## watch en serve op de terminal


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


## The serve page's own labels (src/serve/nl.rs).

## `leaflet preflight`'s verdict lines (the checks themselves are the print shop's, in English).
preflight-ready-warned = klaar voor de drukker ({ $passed } controles geslaagd, { $warned } met een waarschuwing om na te kijken)
preflight-ready = klaar voor de drukker ({ $passed } controles geslaagd)
preflight-not-ready = NIET klaar voor de drukker: { $failed } van { $total } controles mislukt
preflight-files-ready = { $ready } van { $total } { $total ->
        [one] bestand
       *[other] bestanden
    } klaar voor de drukker
preflight-build-hint = maak drukbestanden met `leaflet build --target print`
build-overdue-more = … en nog { $count } { $count ->
        [one] folder moet
       *[other] folders moeten
    } herzien worden; `leaflet check` of `-v` toont ze allemaal
