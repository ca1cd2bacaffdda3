# Messages of `leaflet` in English. Each message has a twin in locales/nl/leaflet.ftl
# (a test keeps the two files in step). Arguments are written { $name }.

## How a problem is shown

severity-error = error
severity-warning = warning
hint-label = hint
field-top = field `{ $name }`
field-section = section { $n }
field-section-titled = section { $n } (‘{ $heading }’)
field-in-section = { $section }, field `{ $name }`
field-figure-in-section = { $section }, figure { $n }, field `{ $name }`

## check

check-tally = checked { $leaflets ->
        [one] 1 leaflet
       *[other] { $leaflets } leaflets
    }: { $errors ->
        [one] 1 error
       *[other] { $errors } errors
    }, { $warnings ->
        [one] 1 warning
       *[other] { $warnings } warnings
    }
check-strict = --strict: warnings count as errors
check-cannot-read = cannot read it: { $error }
check-not-utf8 = the file is not UTF-8 text
check-not-utf8-hint = save the file as UTF-8 in your editor ("Save with encoding: UTF-8")
date-future = the revision date { $date } lies in the future
date-future-hint = write the date the text was last revised, not a planned date
date-overdue = last revised on { $date }: more than { $years } years ago, so the leaflet is due for review
date-overdue-hint = have the authors review the text, then set `revised` to the review date
paragraph-long = this paragraph is { $lines } lines long as printed; easy-to-read text keeps paragraphs under { $max } lines
paragraph-long-hint = split it with a blank line where the thought changes, or make a list

## Reading a leaflet file

file-too-large = the file is { $size } KB; a leaflet may be at most { $max } KB
file-too-large-hint = check that nothing was pasted into the file by accident
file-empty = the file holds no leaflet: it is empty
file-empty-hint = start from `leaflet new NAME`, which writes a leaflet with every field
line-separator = an invisible line separator ({ $code }) is in the text: YAML reads it as a line break
line-separator-hint = remove it (it comes with text pasted from Word or a web page); in a body, end a line with `\` to break it
field-empty = `{ $name }` is empty
title-empty-hint = every leaflet needs a title
authors-empty-hint = every leaflet needs a team of authors
year-wrong = the year { $year } cannot be right
year-wrong-hint = write the date of the last revision, e.g. 2016-03-23
route-unknown = there is no route `{ $key }` in the shared routes
route-in-words-hint = write the route number only: `route: { $number }` (the words “Volg route” are printed for you)
contact-unknown = there is no contact `{ $key }` in the shared contacts
shared-add-or-inline = add it to _data/{ $file }, or write it in full: { $inline }
routes-known = known routes: { $known }; add `{ $key }` to _data/{ $file }
contacts-known = known contacts: { $known }; add `{ $key }` to _data/{ $file }

## Field names

field-unknown = unknown field `{ $name }`
field-dutch-hint = write `{ $field }`: field names are English, also in a Dutch leaflet (`{ $name }` is not known)
field-belongs-top = `{ $name }` belongs at the top of the file, at the left margin, not inside a section or route; here you can write { $allowed }
field-belongs-section = `{ $name }` belongs inside a section (under `sections:`, after `- `); here you can write { $allowed }
field-belongs-route = `{ $name }` belongs under `route:`; here you can write { $allowed }
field-belongs-contact = `{ $name }` belongs under `contact:`; here you can write { $allowed }
field-did-you-mean = did you mean `{ $best }`? Fields are spelt exactly as in the README
field-remove-hint = remove this field, or check its spelling against the README
field-missing = the field `{ $name }` is missing
field-missing-hint = add a line `{ $name }: …`; `leaflet new` shows every field with an example
field-twice = the field `{ $name }` is written twice
field-twice-hint = keep one of the two lines

## YAML slips

text-is-list = this text is written as a YAML list, so it is not one text
text-is-list-hint = write `|` after the colon (`body: |`) and keep the `- ` lines under it, indented: they become a bulleted list
text-is-map = this text contains a colon followed by a space, so YAML reads it as a field
text-is-map-hint = put the whole text between double quotes, or write `|` after the first colon and the text on the next line, indented
date-not-a-date = `{ $text }` is not a date written year-month-day
date-format-hint = dates are written year-month-day, e.g. 2016-03-23
date-suggest-hint = did you mean { $date }?
route-neither = `route` is neither a route number nor a route written in full
route-neither-hint = write `route: 105` (a number from leaflets/_data/routes.yaml), or the route in full with exactly two lines under it: `number: 105` and `description: …`
second-document = a line of `---` starts a second leaflet in this file
second-document-hint = one file holds one leaflet: remove the `---` line, or move what follows it to a file of its own
contact-neither = `contact` is neither a contact key nor a contact written in full
contact-neither-hint = write `contact: radiologie` (a key from leaflets/_data/contacts.yaml), or the contact in full with `name:` and `phone:` under it
not-fields = this is not a list of `field: value` lines
not-fields-hint = every line starts with a field name and a colon, e.g. `title: Wondzorg thuis`
sections-not-list = `sections` must be a list of sections
sections-not-list-hint = start each section on its own line with `  - heading: …` or `  - body: |`
control-character = an invisible control character is in the text
control-character-hint = delete it: place the cursor just after it and press Backspace, or retype the word
second-colon = a second colon on this line
colon-quote-hint = a colon inside a text needs quotes around the text: { $example }
colon-quote-example-hint = put the text in quotes, e.g. title: "Let op: nuchter blijven"
tab-indent = a tab is used for indentation
tab-indent-hint = indent with spaces only (most editors: Convert Indentation to Spaces)
unclosed = a quote or a bracket is opened here and never closed
unclosed-hint = add the closing quote (or bracket) at the end of the text, or remove the opening one
fields-line-up-hint = the fields of one section must line up: put `body:` exactly under `heading:`, and indent with spaces
route-field-did-you-mean = did you mean `{ $best }`? A route has `number` and `description`
route-fields-hint = a route written in full has exactly `number` and `description`
route-field-missing-hint = add `{ $name }: …` under `route:`, indented like `number:`
route-fields-example-hint = a route written in full has `number: 105` and `description: …`

## Proofreading (check)

lint-control = an invisible control character ({ $code }) is in the text
lint-control-hint = delete it: place the cursor after it and press Backspace, or retype the word
lint-no-glyph = “{ $text }” ({ $code }) cannot be printed: the font has no glyph for it
lint-no-glyph-hint = replace it with ordinary letters, or remove it (emoji, symbols and other scripts are not in the font)
lint-space-nbsp = a space next to a no-break space
lint-space-nbsp-hint = keep one of the two: a no-break space (⍽) alone keeps the words together, a plain space alone lets the line break
lint-spaces = { $count } spaces in a row
lint-spaces-hint = leave one space between words
lint-repeated = the word “{ $word }” is repeated
lint-repeated-hint = delete one of the two
lint-sentence = this sentence has { $count } words; plain-language (B1) text keeps sentences to { $max }
lint-sentence-hint = split it into two sentences

## Building

reason-forced = rebuilt on request (--force)
reason-tool = new version of leaflet
reason-new = new
reason-failed = failed last time
reason-outputs = other outputs asked for
reason-file = { $name } was missing or changed
reason-text = text changed
reason-style = house style or hyphenation changed
reason-route = route { $key } changed
reason-contact = contact { $key } changed
reason-figure = picture { $file } changed
reason-inputs = inputs changed
build-summary = { $built } built, { $up_to_date } up to date, { $failed } failed ({ $seconds } s)
build-orphans-removed = ; { $count } PDF(s) of deleted leaflets removed
build-orphans-left = ; { $count } PDF(s) of deleted leaflets left
build-stale-kept = ; { $count } old PDF(s) kept, out of date
build-interrupted = ; interrupted, { $count } not started
build-out = ; PDFs in { $out }
build-progress-built = built { $name } — { $why }
build-progress-failed = failed { $name }
build-progress-bar = leaflets
out-cannot-create = cannot create the output folder: { $error }
out-cannot-create-hint = choose another folder with -o, or check its permissions
data-users-not-built = { $users } leaflet(s) using it were not built
data-users-not-built-hint = fix the shared data above; the previous PDFs were kept
threads-failed = cannot start worker threads: { $error }
print-booklet = booklets: print on A4 landscape, double-sided, flip on the SHORT edge, at 100 % (no "fit to page"); fold the stack in the middle
print-two-up = 2-up sheets: print on A4 landscape at 100 % (no "fit to page"), then cut each sheet in half
open-failed = could not open the PDF with { $program }: { $error }
indent-too-deep = `{ $name }:` is indented further than `{ $above }:` above it
indent-too-deep-hint = put `{ $name }:` exactly under `{ $above }:` of line { $line }: { $spaces } spaces from the left
apostrophe-start = a text cannot start with ' : YAML reads it as an opening quote
apostrophe-start-hint = write the curly apostrophe, { $curly }, or put the whole text in double quotes: { $quoted }

## YAML traps

placeholder = “{ $shown }” from `leaflet new` is still to be filled in
placeholder-hint = replace it with this leaflet's own text
comment-dropped = the text after `#` is read as a comment and is not printed: “{ $dropped }”
comment-dropped-hint = put the text in double quotes to print all of it: { $example }
comment-in-body-hint = write `body: |` and the text on the lines below it, indented: in a `|` block a `#` is text
folded-list-item = the list item on this line is joined to the text before it
folded-paragraph = this paragraph is joined to the one before it
folded = { $problem }: the body is not a `|` block, so YAML folds its lines
folded-hint = write `body: |` and the text on the lines below it, indented: a `|` block keeps every line as typed
markup-in-line = `{ $mark }` is printed as typed: only a body is read as Markdown
markup-in-line-hint = remove the marks: a title or heading is set in its own style already
invisible-only = the { $what } prints as nothing: it holds only invisible characters (soft hyphens, zero-width spaces)
invisible-only-hint = delete the { $what } and type it again
contact-empty-hint = write `contact: radiologie` (a key from _data/contacts.yaml), or leave the line out
body-empty-hint = write the text on the lines under `body: |`, indented, or leave the line out
text-empty-hint = write the text after `{ $key }:`
optional-empty-hint = write the text after `{ $key }:`, or leave the whole line out: the field is optional
section-empty = this section is empty: it has no heading and no text
section-empty-hint = write `heading:` and `body: |` after the `-`, or remove the line

## Files

not-a-file = this is { $kind }, not a file; it was not read
not-a-file-hint = leaflets and `_data` files are ordinary text files
file-too-large-any = the file is { $size } KB; it may be at most { $max } KB
nesting = brackets are nested more than { $max } levels deep
nesting-hint = look for `[` or `{"{"}` that were never closed
bad-encoding = the text is not valid { $encoding }: some characters cannot be read
bad-encoding-hint = open the file in your editor and save it again as UTF-8
kind-fifo = a named pipe (FIFO)
kind-socket = a socket
kind-device = a device
kind-folder = a folder
kind-file = a file
kind-other = not a regular file
kind-dangling-link = a link to nothing
word-too-wide = the word “{ $word }” does not fit on a line, even hyphenated
word-too-wide-hint = break it up with spaces or hyphens (e.g. a long code or address), or shorten it
tie-split-hint = build the PDF and look at this spot; rewording the sentence usually helps

## check --fix

booklet-one-page = a booklet of 1 page is one sheet with 3 blank pages
booklet-one-page-hint = print this leaflet 2-up (--two-up) and cut the sheet in half
booklet-blanks = the booklet of { $pages } pages ends with { $blanks ->
        [one] 1 blank page
       *[other] { $blanks } blank pages
    }
booklet-blanks-hint = { $more ->
        [one] 1 page
       *[other] { $more } pages
    } more text, or { $fewer } fewer, fills the booklet exactly; or print 2-up (--two-up) and cut

## Finding leaflets, output files

input-cannot-open = cannot open it: { $error }
input-cannot-open-hint = give a leaflet file or a folder of leaflets, e.g. `leaflet build leaflets/`
input-not-leaflet = this is { $kind }, not a leaflet file or folder
input-not-leaflet-hint = give a leaflet file or a folder of leaflets
folder-unreadable = cannot read this folder: { $error }
folder-unreadable-hint = the leaflets in it were not built; check the folder's permissions
hidden-file = a hidden file (its name starts with a dot); skipped
hidden-file-hint = to build it, rename it without the leading dot
folder-link = a link to a folder; its leaflets were not built
folder-link-hint = build that folder by naming it: `leaflet build FOLDER`
not-a-file-skipped = this is { $kind }, not a file; skipped
not-a-file-skipped-hint = a leaflet is an ordinary text file
bad-file-name = this file name cannot name a PDF
bad-file-name-hint = use letters, digits, '-' and '_' in leaflet file names
same-name-windows = { $name }, the same name on a Windows share
name-clash = another leaflet, { $other }, also makes { $what }; neither was built
name-clash-hint = give one of the two files another name; the PDFs already there were kept
orphan = its leaflet { $source } is gone; the PDF is not in the index
orphan-hint = remove it with `leaflet build --prune`, or restore the leaflet
orphan-unknown = no leaflet makes this PDF (found without a manifest to say which did); it is not in the index
orphan-renamed = its leaflet { $source } no longer makes this file under the naming of this build; it is not in the index
stale-kept = the PDF of an earlier build was kept, but it is out of date; it is left out of the index
stale-kept-hint = fix the error above and build again; until then, do not print this PDF
name-clash-earlier = another leaflet, { $other }, made { $what } in this output folder; this one was not built
name-clash-earlier-hint = give one of the two files another name, or build this one into another folder (-o); the PDF there was kept
output-is-folder = a folder has this output's name; none of this leaflet's files were replaced
output-is-folder-hint = move the folder out of the output folder
out-not-writable = cannot write in the output folder: { $error }
out-not-writable-hint = choose a folder you may write to with -o
out-cannot-lock = cannot lock the output folder: { $error }
write-failed-hint = check that the output folder is writable and the disk is not full

## new and import

file-exists = this file already exists; it was left as it is
file-exists-hint = choose another name, or delete or rename the old file first
nothing-written = nothing was written: { $error }
nothing-written-hint = this is a bug in leaflet; please report it with the input file
write-nothing = cannot write it: { $error }; nothing was written
write-nothing-hint = check that the disk is not full and that you may write there

## Contacts in the text

list-and = {" "}and{" "}
phone-also-contact = { $number } is also printed with `contact: { $key }`
phone-also-contact-hint = leave the number out of the text: when contacts.yaml changes, the page would otherwise print two different numbers
phone-is-shared = { $number } is the phone number of { $keys } in _data/contacts.yaml
phone-is-shared-hint = write `contact: { $key }` and leave the number out of the text: a new number in contacts.yaml then reaches this leaflet too
phone-two-numbers-contact = two numbers for { $name }: { $number } here, { $other } under `contact:`
phone-two-numbers-contact-hint = keep one number: leave it out of the text, it is printed with the contact
phone-two-numbers-shared = two numbers for { $name }: { $number } here, { $other } in _data/contacts.yaml
phone-two-numbers-shared-hint = if the number is the same service's, write `contact: { $key }` and leave it out of the text
email-also-contact = { $address } is also printed with `contact: { $key }`
email-also-inline = { $address } is also printed with `contact:`
email-also-contact-hint = leave the address out of the text: when it changes, the page would otherwise print two different addresses
email-is-shared = { $address } is the e-mail address of `{ $key }` in _data/contacts.yaml
email-is-shared-hint = write `contact: { $key }` and leave the address out of the text: a new address in contacts.yaml then reaches this leaflet too
block-first-deeper = the first line of this text is indented further than line { $line } below it
block-first-deeper-hint = start every line of the text at the same place: { $spaces } spaces from the left, as on line { $line }
section-not-fields = this section is a bare text, not `field: value` lines
section-not-fields-hint = start the section with `- heading: …` and put the text under `body: |` on the next line, lined up with `heading:`

## Markdown in a body


## Shared data (_data/)

route-no-description = route `{ $key }` has no description text
route-no-description-hint = write each route as `105: oncologisch dagziekenhuis`
routes-yaml-hint = each line is `number: description`, e.g. `105: oncologisch dagziekenhuis`
contacts-yaml-hint = each contact is a key with `name:`, `phone:` and optionally `hours:` and `email:` under it
large-print-note = large print: { $message }
section-wrong-shape = this section is not `field: value` lines

## Document control (code, version, online) and languages

code-wrong = the code `{ $code }` { $why }
code-wrong-hint = write the hospital's document code, e.g. `code: HEM-012`
code-empty = is empty
code-too-long = is longer than { $max } characters
code-bad-char = holds “{ $char }”; a code may hold letters, digits, `-`, `.` and `_`
version-wrong = the version { $version } cannot be right
version-wrong-hint = count revisions from 1: `version: 3` for the third published text
version-not-number = the version is not a whole number
version-not-number-hint = write the revision number, counting from 1: `version: 3`
online-wrong = the address `{ $address }` { $why }
online-wrong-hint = write the full address of the online version, e.g. `online: https://www.azdelta.be/hem-012`
online-http = is not secure (http); the QR code takes only https:// addresses
online-not-https = does not start with https://
online-too-long = is longer than { $max } characters: too dense for a QR code on paper
online-space = holds a space
online-bad-char = holds “{ $char }”; write it as the browser's address bar shows it when copied
online-bad-host = has no valid host name (`{ $host }`)
lang-unknown = `{ $lang }` is not a language leaflets are printed in
lang-unknown-hint = write `lang: nl` (the default), `lang: fr` or `lang: en`
shared-untranslated = the shared { $field } `{ $key }` has no { $lang ->
        [fr] French
       *[en] English
    } text, so the Dutch one is printed
shared-untranslated-hint = add `{ $key }` to _data/{ $file }.{ $lang }.yaml, or write the { $field } in full here
version-not-raised = the text changed since the last build, but the version is still { $version }
version-not-raised-hint = raise it to `version: { $next }` when this text is published (and update `revised`)

## Figures, pictures and the hospital's identity

figure-no-alt = the figure `{ $file }` has no alt text
figure-no-alt-hint = add `alt:` with a sentence saying what the picture shows, e.g. `alt: Een verpleegkundige prikt bloed in de arm`; screen readers read it aloud
figure-width-wrong = `{ $width }` is not a width for a figure; give { $min }–100 %
figure-width-wrong-hint = the width is a share of the text width, e.g. `width: 60 %`
figure-inside-hint = put the picture in the library, e.g. in a folder `figuren` next to the leaflet, and write `file: figuren/NAME`
figure-file-empty = `file` is empty
figure-absolute = `{ $file }` is an absolute path; a figure is named relative to the leaflet
figure-missing = there is no picture `{ $file }` next to the leaflet
figure-missing-hint = check the spelling and the folder: the path is relative to the leaflet file
figure-outside = `{ $file }` lies outside the leaflet library ({ $root })
figure-refused = the figure `{ $file }`: { $why }
figure-shrunk = the figure is too tall for the page at { $asked } % of the text width; it is printed at { $printed } %
figure-shrunk-hint = give a smaller `width`, or crop the picture to a wider shape
picture-low-ppi = { $what ->
        [logo] the logo
       *[figure] the figure
    } prints at { $ppi } ppi at its size ({ $mm } mm wide); print needs { $needed }
picture-low-ppi-hint = use a picture of at least { $pixels } pixels across, or give a smaller `width`
picture-save-again = open the picture in an image editor and save it again as PNG, JPEG or SVG
picture-unreadable-hint = give a PNG, JPEG or SVG file inside the library
picture-empty = the picture file is empty (0 bytes)
picture-empty-hint = copy the picture into the library again
picture-unknown-kind = this file is not a PNG, JPEG or SVG picture
picture-wrong-extension = the file holds a { $kind } picture but its name ends in `.{ $ext }`
picture-wrong-extension-hint = rename it to end in `.{ $ext }`, so everyone sees what it is
picture-zero-size = the picture claims a size of { $width } × { $height } pixels
picture-too-many-pixels = the picture is { $width } × { $height } pixels; at most { $max } million pixels are placed
picture-too-many-pixels-hint = scale it down: 1,800 pixels across is 300 ppi over the whole width of an A5 page
hospital-file-hint = hospital.yaml holds `name:`, and optionally `address:`, `phone:`, `website:` and `logo:`
hospital-name-empty = the hospital's `name` is empty
hospital-name-empty-hint = write the name as it is printed, e.g. `name: AZ Voorbeeld`
logo-refused = the logo `{ $file }`: { $why }

## Easy-to-read criteria for the house style

criteria-body-size = body text of { $size } pt is below the { $min } pt easy-to-read text asks for
criteria-body-size-hint = RNIB Clear Print asks for 12 pt; the house style uses 11 pt (leave `body_size` out)
criteria-leading = a line spacing of { $leading } is below the { $min } easy-to-read text asks for
criteria-leading-hint = Keurmerk Makkelijk Lezen and WCAG 1.4.12 ask for 1.5 (leave `leading` out)

## Markdown a body cannot print


## The house style (style.yaml)


## watch and serve on the terminal


## Laying out the pages

footer-too-long = the footer line `{ $line }` is too long to fit the page's width
footer-too-long-hint = shorten `authors` (the footer line may have about { $fits } characters), e.g. name the team rather than every person
too-many-pages = the leaflet lays out to { $pages } pages; a leaflet may have at most { $max }
too-many-pages-hint = split the text into several leaflets
block-kind = { $kind ->
        [department] department line
        [title] title
        [subtitle] subtitle
        [heading] heading
        [listitem] list item
        [contact] contact line
        [route] route line
        [table] table
        [online] line beside the QR code
        [authors] author line
       *[other] paragraph
    }
stacked-accents = a letter in a { $kind } carries more than { $max } accents (combining marks) and cannot be printed
stacked-accents-hint = remove the extra accents; they usually come from text pasted from the web
glyph-control = a control character
glyph-char = the character “{ $char }”
glyph-missing = { $shown } (U+{ $code }) in a { $kind } cannot be printed: the font has no glyph for it (it follows “{ $context }”)
glyph-missing-hint = replace it with ordinary letters, or remove it (emoji and symbols are not in the font)

## import


## The serve page's own labels (src/serve/nl.rs).

## `leaflet preflight`'s verdict lines (the checks themselves are the print shop's, in English).
preflight-ready-warned = ready for the print shop ({ $passed } checks passed, { $warned } with a warning to look at)
preflight-ready = ready for the print shop ({ $passed } checks passed)
preflight-not-ready = NOT ready for the print shop: { $failed } of { $total } checks failed
preflight-files-ready = { $ready } of { $total } { $total ->
        [one] file
       *[other] files
    } ready for the print shop
preflight-build-hint = build print files with `leaflet build --target print`
build-overdue-more = … and { $count } more { $count ->
        [one] leaflet is
       *[other] leaflets are
    } due for review; `leaflet check` or `-v` shows them all
