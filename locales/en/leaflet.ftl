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
shared-add-or-inline = add it to leaflets/_data/{ $file }, or write it in full: { $inline }
routes-known = known routes: { $known }; add `{ $key }` to leaflets/_data/{ $file }
contacts-known = known contacts: { $known }; add `{ $key }` to leaflets/_data/{ $file }

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
yaml-parser = { $detail }
fields-line-up-hint = the fields of one section must line up: put `body:` exactly under `heading:`, and indent with spaces
yaml-parser-hint = check the indentation and the colons on this line; compare with a leaflet that builds
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
reason-inputs = inputs changed
build-summary = { $built } built, { $up_to_date } up to date, { $failed } failed ({ $seconds } s)
build-orphans-removed = ; { $count } PDF(s) of deleted leaflets removed
build-orphans-left = ; { $count } PDF(s) of deleted leaflets left
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
yaml-null = `{ $value }` is YAML for “no value”, not a text
yaml-null-hint = write the text, or leave the whole line out if the field is optional
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

fix-bullet = bullet { $bullet } → -
fix-date = date { $from } → { $to }
fix-tabs = { $count ->
        [one] 1 tab
       *[other] { $count } tabs
    } → space
fix-spaces = { $count ->
        [one] 1 double space
       *[other] { $count } double spaces
    } made single
fix-write-failed = not fixed: { $error }
fix-refused = not fixed: the fixed file would no longer read as a leaflet
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
output-is-folder = a folder has this output's name; none of this leaflet's files were replaced
output-is-folder-hint = move the folder out of the output folder
out-not-writable = cannot write in the output folder: { $error }
out-not-writable-hint = choose a folder you may write to with -o
out-cannot-lock = cannot lock the output folder: { $error }
write-failed-hint = check that the output folder is writable and the disk is not full

## new and import

new-bad-name = `{ $slug }` cannot be a leaflet's file name
new-bad-name-hint = use lowercase letters, digits and '-', e.g. `leaflet new wondzorg-thuis`
new-wrote = wrote { $path }
new-next = next: fill it in, then `leaflet check { $path }`
import-wrote = wrote { $path } ({ $sections } sections)
import-next = next: `leaflet check { $path }`
file-exists = this file already exists; it was left as it is
file-exists-hint = choose another name, or delete or rename the old file first
nothing-written = nothing was written: { $error }
nothing-written-hint = this is a bug in leaflet; please report it with the input file
mkdir-failed = cannot create the folder: { $error }
mkdir-failed-hint = check the folder name and that you may write there
write-nothing = cannot write it: { $error }; nothing was written
write-nothing-hint = check that the disk is not full and that you may write there
import-path-hint = give the path of the plain-text leaflet, e.g. `leaflet import folder.txt`
import-guessed = the text is not UTF-8; it was read as { $encoding } (accents such as é, à and ° kept)
import-guessed-hint = check the accents in the result; save the text as UTF-8 to avoid the guess
usage-marks = error: --marks adds crop marks for the print shop; use it with --target print
usage-sheets-print = error: --booklet and --two-up make A4 sheets for the office printer; the print shop imposes the A5 pages itself, so leave them out with --target print

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

md-entity = “{ $typed }” is printed as typed: a leaflet is not a web page
md-entity-hint = type the character itself (&, €, a space) instead of its HTML code
md-unclosed-bold = this `{ $marks }` has no closing partner, so it is printed
md-unclosed-bold-hint = close the bold text with the same marks right after its last word, or remove them
md-item-joined = this line starts like a list item (“{ $marker }”) but is printed joined to the line before it
md-item-joined-hint = start each list item with `- ` (or `1. `) and a space, after a blank line or a line ending in `:`; or end the line before with `\`
md-lazy-line = this line is printed as part of the list item above it: a line right under a list continues its last item
md-lazy-line-hint = leave a blank line between the list and the text; or indent the line like the item's text to keep it in the item
md-stars = the `*` around “{ $inner }” make it italic or bold and are not printed
md-stars-hint = for times write × (or x); to print a `*`, type `\*`
md-star-item = this `*` starts a list item, so it prints as a bullet, not as the footnote mark the text above uses
md-star-item-hint = type `\*` to print the `*` itself, or write the remark in the text
md-renumbered = this item is typed as number { $number } but is printed as { $printed }: Markdown numbers a list's items in order
md-renumbered-hint = number the items 1, 2, 3 … as they follow each other, or split the list with a text line between
md-table-hint = leave a blank line before the table, give the header row one cell per `---`, and put a line like `|---|---|` under it
md-surplus-cells = this row has { $typed } cells but the header has { $columns }: the last { $dropped } would not be printed
md-surplus-cells-hint = give the header row as many cells, or join the extra cells into one
md-run-on = these { $lines } short lines are printed as one run-on line
md-run-on-hint = end each line but the last with a backslash `\` to keep the lines as typed, or leave a blank line between paragraphs
md-table-no-rule = these lines look like a table, but the line of `|---|` under the header row is missing, so the pipes would be printed
md-table-bad-header = these lines look like a table, but the row above the `|---|` line does not have one cell per `---` (or text is typed before it), so the pipes would be printed
md-link-meaningless = the link text “{ $text }” means nothing on paper
md-link-meaningless-hint = write what the reader finds there, e.g. “de website van het ziekenhuis”: the address is printed after the text
md-typed-bullet = “{ $bullet }” at the start of a line is read as a list item
md-typed-bullet-hint = type list items as `- ` at the start of the line, so Markdown sees the list
md-unused-definition = no link uses the address “{ $shown }”, so it is not printed
md-unused-definition-hint = write the address in the text, or use it in a link: [tekst][label]
md-html = HTML (`{ $shown }`) cannot be printed: it would show as tags
md-html-hint = use Markdown (**vet**, *schuin*) or remove the tag
md-footnote = a footnote (`[^…]`) cannot be printed
md-footnote-hint = put the remark in the text itself, between brackets
md-rule = a line of `---` (a horizontal rule) cannot be printed
md-rule-hint = start a new section (`- heading: …`) to separate the text, or remove the line
md-checkbox = a checkbox (`[ ]`) cannot be printed
md-checkbox-hint = write the list item without `[ ]`
md-construct = this Markdown construct cannot be printed
md-construct-hint = write it as plain text

## Shared data (_data/)

style-yaml-hint = the house-style settings and their defaults are listed in the README
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
shared-untranslated-hint = add `{ $key }` to leaflets/_data/{ $file }.{ $lang }.yaml, or write the { $field } in full here
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
svg-too-large = the SVG file is { $size } KB; an illustration may be at most { $max } KB
svg-too-large-hint = it probably holds an embedded photo: place the photo as a JPEG instead
svg-unreadable = the SVG file cannot be read: { $why }
svg-unreadable-hint = export the illustration again as plain SVG from the drawing program
svg-canvas-too-large = the SVG's canvas is { $width } × { $height } pixels; at most { $max } across
svg-canvas-too-large-hint = give the <svg> element a sensible width, height or viewBox
svg-empty = the SVG file draws nothing
svg-empty-hint = export the illustration again from the drawing program
svg-not-utf8 = it is not UTF-8 text
svg-bad-gzip = it is a damaged compressed SVG
svg-too-many-elements = it has too many elements
svg-invalid-size = it has no valid width, height or viewBox
jpeg-save-again = save the photo again as JPEG (or PNG) from an image editor
jpeg-damaged = the JPEG file is cut short or damaged
jpeg-lossless = the JPEG is lossless-coded, which PDF readers cannot show
jpeg-precision = the JPEG has { $bits }-bit channels; PDF readers show 8-bit JPEGs only
jpeg-channels = the JPEG has { $channels } colour channels; grey, RGB or CMYK is placed
png-unreadable = the PNG file cannot be read: { $why }
png-save-again = save the picture again as PNG from an image editor
png-too-large = the PNG is too large to read
png-too-large-hint = scale it down
png-palette = the PNG's palette could not be expanded
png-cut-short = it is cut short
png-too-many-bytes = it decodes to too many bytes
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

md-heading = a Markdown heading (`#`) inside a body
md-heading-hint = give it a section of its own (`- heading: …`), or remove the `#`
md-setext-heading = a line of `---` or `===` under this text makes it a Markdown heading
md-setext-heading-hint = leave a blank line above the `---`, or give the heading a section of its own
md-block-quote = a block quote (`>`) cannot be printed
md-block-quote-hint = remove the `>` at the start of the line
md-indented-code = this text is indented four spaces or more, so Markdown reads it as code
md-indented-code-hint = indent it less: a list item's text continues two spaces in
md-code-block = a code block (```) cannot be printed
md-code-block-hint = remove the ``` lines
md-footnote-definition = a footnote (`[^…]:`) cannot be printed
md-image = an image inside the text cannot be printed
md-image-hint = give it as a figure of the section (`figures:` with `- file: …` and `alt: …`), or say in words what it shows
md-strikethrough = struck-through text (`~~`) cannot be printed
md-strikethrough-hint = remove the text, or the `~~` around it
md-table-too-wide = a table of { $columns } columns does not fit the page; at most { $max } do
md-table-too-wide-hint = split it into two tables, or turn it around (rows for columns)
md-link-no-address = this link has no address
md-link-no-address-hint = write the address between the brackets: [tekst](https://…)

## The house style (style.yaml)

style-mm-hint = lengths of the page and margins are millimetres
style-page-size = { $value } mm is not a page size; give { $min }–{ $max } mm
style-page-size-hint = A5 is 148 × 210 mm
style-margin = a margin of { $value } mm; give { $min }–{ $max } mm
style-type-size = type of { $value } pt cannot be read; give { $min }–{ $max } pt
style-type-size-hint = type sizes are points: body text is 10–12, large print 16
style-leading = a leading of { $value }; give { $min }–{ $max } times the body size
style-leading-hint = 1.35 is the house style, 1.5 large print
style-paragraph-space = { $value } lines between paragraphs; give 0–{ $max }
style-paragraph-space-hint = 0.5 is half a line
style-list-indent = a list indent of { $value } pt; give 0–{ $max } pt
style-list-indent-hint = 14 pt is the house style
style-channel = a colour channel of { $value }; give 0–1
style-channel-hint = CMYK channels run from 0 (none) to 1 (full): 0.85 is 85 %
style-ink = { $ink } % ink in total; the print shop allows at most { $max } %
style-ink-hint = lower C, M or Y: rich black needs no more than 0.6 of each beside k: 1
style-logo-colour = `{ $hex }` is not a colour of the logo
style-logo-colour-hint = write the logo's colour as in the SVG, in quotes: "#0a5ca8": {"{"}c: 1, m: 0.45, y: 0, k: 0.1{"}"}
style-brand-channel = the brand colour for { $hex } has a channel outside 0–1
style-brand-ink = the brand colour for { $hex } has { $ink } % ink in total; the print shop allows at most { $max } %
style-brand-ink-hint = lower C, M or Y
style-review-years = a review every { $value } years; give { $min }–{ $max }
style-review-years-hint = leaflets are reviewed every 3 years
style-pad-pages = pages in multiples of { $n } cannot be folded or imposed
style-pad-pages-hint = give 2, 4 or 8 (4 for a folded booklet), or leave pad_pages out
style-measure = the margins leave a text column of { $width } mm; it needs at least { $min } mm
style-measure-hint = make margin_inner_mm or margin_outer_mm smaller
style-measure-chars = { $size } pt body text gives under 30 characters a line in a { $width } mm column
style-measure-chars-hint = use a smaller body_size or smaller side margins
style-text-height = the margins leave { $height } mm of page height; it needs at least { $min } mm
style-text-height-hint = make margin_top_mm or margin_bottom_mm smaller
style-not-a-number = not-a-number
style-infinite = an infinite number

## watch and serve on the terminal

watch-started = Watching { $paths }: the PDFs are rebuilt after every save and go to the folder { $out }. Stop: Ctrl-C.
watch-changed = [{ $clock }] changed: { $names }
watch-rebuilt = [{ $clock }] rebuilt: { $pdfs } (in the folder { $out })
watch-stopped = Stopped.
watch-cannot-start = error: cannot watch for changes: { $why }
watch-cannot-watch = error: cannot watch the folder { $dir }: { $why }
watch-event-error = note: a change could not be read ({ $why }); still watching
serve-started = The leaflets are ready at { $address } — open that address in your browser. Only this computer can reach it. Stop: Ctrl-C.
serve-cannot-bind = error: cannot open port { $port }: { $why }
    {"  "}hint: choose another port with --port, e.g. --port 8788
serve-file-broken = the file itself has a mistake ({ $why }); correct it in a text editor first
serve-field-not-editable = this field cannot be changed here; use a text editor
serve-one-line = write this on one line
serve-edits-overlap = two changes touch the same lines; save them one at a time
serve-cannot-write = this text cannot be written into the file like this (does it start with spaces?); change it or use a text editor
serve-other-fields = the change would touch other fields; nothing saved
serve-section-gone = this section is not in the file (any more)
serve-field-empty = this field cannot be empty
serve-field-multiline = this field spans several lines in the file; change it in a text editor
serve-changed-elsewhere = the file was changed elsewhere in the meantime; reload the page (copy your text first)

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

import-no-text = the file holds no text
import-no-text-hint = give the plain-text leaflet: its title on the first line
import-missing = no { $line } line was found
import-missing-hint = fill in `{ $field }` in the YAML file before building
import-bullet = “{ $bullet }” at the start of a line was read as a list item and written as `- `
import-bullet-hint = check in the YAML file that the list reads as intended
import-kept = { $what ->
        [under-title] a line right under the title
        [date] a date line that could not be read
        [route] a route line that could not be read (or a second one)
       *[authors] a second authors line
    } was kept as body text
import-kept-hint = check in the YAML file whether it belongs in a field
import-route-differs = the text calls route { $key } “{ $written }”; the shared routes call it “{ $known }”
import-route-differs-hint = the shared description is used; correct leaflets/_data/routes.yaml if it is the one that is wrong

## The serve page's own labels (src/serve/nl.rs).
serve-print-booklet = Print on A4, landscape, two-sided, flip on the SHORT edge, at 100 % (not "fit to page"). Then fold the stack in the middle.
serve-print-two-up = Print on A4, landscape, at 100 % (not "fit to page"). Then cut each sheet in half.
serve-title-library = Leaflets
serve-col-title = Title
serve-col-revised = Revised
serve-col-review = Review by
serve-col-findings = Errors / warnings
serve-col-built = Last built
serve-never-built = not yet
serve-overdue = overdue
serve-preview = Preview
serve-edit = Edit
serve-save = Save
serve-saved = Saved and typeset again.
serve-saved-not-built = Saved, but the PDF was not made again (is another command working on the output folder?). Make it with `leaflet build`.
serve-refused = Not saved: the leaflet cannot be made like this. The file was not changed.
serve-build-booklet = Make a booklet (A4, fold)
serve-build-two-up = Make 2 per sheet (A4, cut)
serve-download = Open the PDF
serve-back = ← all leaflets
serve-no-contact = (none)
serve-inline-keep = as written out in the file (not changeable here)
serve-not-editable = This file cannot be read as a leaflet, so it cannot be edited here either. Correct the error below in a text editor; this page shows the form again as soon as the file is in order.
serve-markdown-help = An empty line between paragraphs; "- " at the start of a line for a list; **bold**; [text](https://…) for a link; a \ at the end of a line keeps the line break.
serve-section = Section
serve-no-findings = none
serve-cannot-build = Cannot be made:
serve-field-title = Title
serve-field-subtitle = Subtitle
serve-field-department = Department
serve-field-revised = Revised
serve-field-authors = Author(s)
serve-field-route = Route
serve-field-contact = Contact
serve-field-heading = Heading
serve-field-body = Text
serve-field-other = Field
serve-counts = { $errors } error(s), { $warnings } warning(s)
serve-built-extra = { $kind } has been made.
serve-the-booklet = The booklet
serve-the-two-up = The 2-per-sheet file
serve-page-lang = en
serve-http-cross-site = refused: a change must come from this page itself
serve-http-too-large = too large, or not text
serve-http-not-allowed = not allowed
serve-http-not-found = not found
serve-http-unknown-host = unknown Host: this server answers only at its own address
