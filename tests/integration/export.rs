//! Every export format: snapshots of the Kazakhstan baseline and of a reformed state, real
//! readers for each format (Graphviz, an SVG renderer, networkx, a CSV reader, a CommonMark
//! parser, the JSON contract), escaping, determinism and the command line.

use std::collections::BTreeSet;
use std::process::Command;

use bilik::analysis::{Analysis, Options, analyze};
use bilik::model::i18n::tr;
use bilik::model::{Dataset, Lang};
use bilik::output::export::{self, Format, RenderOptions, Snapshot, Table};
use bilik::reform::{self, PresetSet};

use crate::common::{bilik, fixture, root, stderr};

fn kz() -> Dataset {
    bilik::data::resolve("kz-2022").unwrap_or_else(|e| panic!("{}", e.report))
}

fn escaping() -> Dataset {
    bilik::model::load_file(&fixture("valid/escaping.ron"))
        .unwrap_or_else(|e| panic!("{}", e.report))
}

fn analysed(d: &Dataset) -> Analysis {
    analyze(d, &Options::of(d)).unwrap()
}

/// The states every format is checked on.
struct States {
    kz: Dataset,
    kz_a: Analysis,
    reformed: Dataset,
    reformed_a: Analysis,
    esc: Dataset,
    esc_a: Analysis,
    presets: PresetSet,
    reforms: Vec<String>,
}

impl States {
    fn new() -> States {
        let kz = kz();
        let kz_a = analysed(&kz);
        let presets = reform::embedded("kz-2022");
        let reforms = vec!["P5".to_string(), "P10".to_string()];
        // As `--reform P5,P10` does: the reformed dataset's own principals are in force.
        let reformed = reform::apply(&kz, &presets, &reforms).unwrap();
        let reformed_a = analysed(&reformed);
        let esc = escaping();
        let esc_a = analysed(&esc);
        States {
            kz,
            kz_a,
            reformed,
            reformed_a,
            esc,
            esc_a,
            presets,
            reforms,
        }
    }

    fn baseline(&self) -> Snapshot<'_> {
        Snapshot::new(&self.kz, &self.kz_a, Lang::En)
    }

    fn reformed(&self) -> Snapshot<'_> {
        Snapshot {
            reforms: &self.reforms,
            presets: Some(&self.presets),
            baseline: Some((&self.kz, &self.kz_a)),
            ..Snapshot::new(&self.reformed, &self.reformed_a, Lang::En)
        }
    }

    fn escaping(&self, lang: Lang) -> Snapshot<'_> {
        Snapshot::new(&self.esc, &self.esc_a, lang)
    }
}

/// Every format with the options it needs, and a name for its snapshot.
fn every_format() -> Vec<(String, Format, RenderOptions)> {
    let mut out = Vec::new();
    for f in Format::ALL {
        if matches!(f, Format::Png | Format::Pdf) {
            // The SVG's snapshot stands for them: they are drawn from it (tests in render.rs).
            continue;
        }
        if f == Format::Csv {
            for t in Table::ALL {
                out.push((format!("{t}.csv"), f, RenderOptions { table: Some(t) }));
            }
        } else {
            out.push((f.extension().to_string(), f, RenderOptions::default()));
        }
    }
    out
}

fn text(format: Format, s: &Snapshot, options: RenderOptions) -> String {
    String::from_utf8(export::render(format, s, &options).unwrap()).unwrap()
}

#[test]
fn snapshots_of_every_format_for_the_baseline() {
    let states = States::new();
    for (name, format, options) in every_format() {
        insta::assert_snapshot!(
            format!("kz-2022.{name}"),
            text(format, &states.baseline(), options)
        );
    }
}

#[test]
fn snapshots_of_every_format_for_p5_p10() {
    let states = States::new();
    for (name, format, options) in every_format() {
        insta::assert_snapshot!(
            format!("kz-2022+P5+P10.{name}"),
            text(format, &states.reformed(), options)
        );
    }
}

#[test]
fn the_reformed_state_shows_what_changed() {
    let states = States::new();
    let s = states.reformed();
    let md = text(Format::Md, &s, RenderOptions::default());
    assert!(
        md.contains("- **Active reforms:** `P5` Directly elected Senate (proposal 5); `P10` Constitutional Court appointed by the Mazhilis (proposal 10)"),
        "{md}"
    );
    assert!(md.contains("## Changes from the baseline"), "{md}");
    assert!(
        md.contains("- **Headline:** the President's integrated control of the Constitutional Court: 52.7% → 12.5%"),
        "{md}"
    );
    assert!(
        md.contains("  - Assumption: The article gives no total."),
        "{md}"
    );
    assert!(
        md.contains("| removed | President | dismiss at will | Senate (`presidential_quota`)"),
        "{md}"
    );
    let dot = text(Format::Dot, &s, RenderOptions::default());
    // P10's communities are half judges (codebook R16): the self-governing half is the root.
    assert!(dot.contains("\"legal_professions\" [label=\"Legal professional communities\\n2 seats · Self-governing legal professions (the bar and others) 50.0%\\n(added by reform)\""), "{dot}");
    assert!(dot.contains("\"legal_self_government\" [label=\"Self-governing legal professions (the bar and others)\\n1 seat · root principal\\n(added by reform)\""), "{dot}");
    assert!(
        dot.contains(
            "\"legal_professions\" -> \"constitutional_court\" [style=\"solid\", color=\"#1b9e4b\""
        ),
        "{dot}"
    );
    assert!(
        dot.contains("\"maslikhats\" -> \"senate\" [style=\"solid\", color=\"#b0b0b0\""),
        "{dot}"
    );
    let svg = text(Format::Svg, &s, RenderOptions::default());
    assert!(
        svg.contains("font-weight=\"bold\">new</tspan>")
            && svg.contains("font-weight=\"bold\">changed</tspan>")
    );
    // The title wraps at the figure's width: read its lines as one text.
    let title: Vec<String> = roxmltree::Document::parse(&svg)
        .unwrap()
        .descendants()
        .filter(|n| {
            n.has_tag_name("text") && n.parent().and_then(|p| p.attribute("class")) == Some("title")
        })
        .filter_map(|n| n.text().map(str::to_string))
        .collect();
    assert!(
        title.join(" ").contains("Headline: the President controls 12.5% of the Constitutional Court (picks 0 of its 11 seats); 52.7% before the reforms"),
        "{title:?}"
    );
    let mermaid = text(Format::Mermaid, &s, RenderOptions::default());
    assert!(mermaid.contains("(added by reform)"), "{mermaid}");
    let edges = text(
        Format::Csv,
        &s,
        RenderOptions {
            table: Some(Table::Edges),
        },
    );
    assert!(edges.contains("legal_professions,Legal professional communities,Профессиональные сообщества юристов,Заңгерлердің кәсіби қауымдастықтары,constitutional_court,"));
    // Data formats describe the reformed state: what the reforms removed is not in them.
    assert!(!edges.contains("maslikhats,Maslikhats (local councils),Маслихаты,Мәслихаттар,senate"));
}

#[test]
fn the_command_line_writes_what_the_library_renders() {
    let states = States::new();
    let dir = tempfile::tempdir().unwrap();
    for (state, reform, snapshot) in [
        ("kz-2022", None, states.baseline()),
        ("kz-2022+P5+P10", Some("P5,P10"), states.reformed()),
    ] {
        for (name, format, options) in every_format() {
            let name = format!("{state}.{name}");
            let expected = export::render(format, &snapshot, &options).unwrap();
            let mut args = vec!["export", "--format", format.as_str()];
            if let Some(t) = options.table {
                args.extend(["--table", t.as_str()]);
            }
            if let Some(r) = reform {
                args.extend(["--reform", r]);
            }
            let out = bilik(&args);
            assert_eq!(out.status.code(), Some(0), "{name}: {}", stderr(&out));
            assert!(
                out.stdout == expected,
                "{name}: stdout differs from render()"
            );
            let path = dir.path().join(&name);
            let path_arg = path.to_str().unwrap().to_string();
            args.extend(["-o", &path_arg]);
            let out = bilik(&args);
            assert_eq!(out.status.code(), Some(0), "{name}: {}", stderr(&out));
            assert!(
                std::fs::read(&path).unwrap() == expected,
                "{name}: the file differs"
            );
            assert!(out.stdout.is_empty(), "{name}: -o writes nothing to stdout");
        }
    }
    let leftovers: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with(".bilik-"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

#[test]
fn the_same_state_gives_the_same_bytes() {
    let states = States::new();
    let again = States::new();
    for (name, format, options) in every_format() {
        for (a, b) in [
            (states.baseline(), again.baseline()),
            (states.reformed(), again.reformed()),
            (states.escaping(Lang::Kk), again.escaping(Lang::Kk)),
        ] {
            assert!(
                export::render(format, &a, &options).unwrap()
                    == export::render(format, &b, &options).unwrap(),
                "{name}"
            );
        }
    }
}

#[test]
fn table_is_required_for_csv_and_refused_elsewhere() {
    let out = bilik(&["export", "--format", "csv"]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        stderr(&out),
        "bilik: csv holds one table per file: choose one with --table bodies|edges|control|flags\n"
    );
    let out = bilik(&["export", "--format", "svg", "--table", "edges"]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        stderr(&out),
        "bilik: --table edges applies only to --format csv; svg exports the whole state\n"
    );
    assert!(out.stdout.is_empty());
}

#[test]
fn an_export_that_cannot_be_written_keeps_the_old_file() {
    let dir = tempfile::tempdir().unwrap();
    // Renaming onto a folder fails once the new file is complete: the folder and what is
    // inside stay as they were, and no temporary file is left.
    let target = dir.path().join("kz.svg");
    std::fs::create_dir(&target).unwrap();
    std::fs::write(target.join("keep.txt"), "old").unwrap();
    let out = bilik(&["export", "--format", "svg", "-o", target.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(3), "{}", stderr(&out));
    assert!(stderr(&out).contains(&format!("cannot write {}", target.display())));
    assert_eq!(
        std::fs::read_to_string(target.join("keep.txt")).unwrap(),
        "old"
    );
    let names: BTreeSet<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names, BTreeSet::from(["kz.svg".to_string()]));
}

#[cfg(unix)]
#[test]
fn a_read_only_folder_keeps_the_old_file() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("kz.md");
    std::fs::write(&path, "old report").unwrap();
    std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(0o555)).unwrap();
    // The superuser writes into read-only folders: then this case cannot be staged.
    let probe = dir.path().join("probe");
    if std::fs::write(&probe, "x").is_ok() {
        std::fs::remove_file(&probe).unwrap();
        std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(0o755)).unwrap();
        eprintln!("skipped: this user can write into read-only folders");
        return;
    }
    let out = bilik(&["export", "--format", "md", "-o", path.to_str().unwrap()]);
    std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(0o755)).unwrap();
    assert_eq!(out.status.code(), Some(3), "{}", stderr(&out));
    assert_eq!(std::fs::read_to_string(&path).unwrap(), "old report");
}

#[test]
fn a_closed_pipe_is_not_an_error_for_pictures() {
    use std::io::Read;
    use std::process::Stdio;
    let mut child = Command::new(env!("CARGO_BIN_EXE_bilik"))
        .args(["export", "--format", "svg"])
        .current_dir(root())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdout = child.stdout.take().unwrap();
    let mut first = [0u8; 5];
    stdout.read_exact(&mut first).unwrap();
    assert_eq!(&first, b"<svg ");
    drop(stdout);
    let status = child.wait().unwrap();
    let mut err = String::new();
    child
        .stderr
        .take()
        .unwrap()
        .read_to_string(&mut err)
        .unwrap();
    assert!(status.success(), "{status:?}: {err}");
    assert!(err.is_empty(), "{err}");
}

fn have(program: &str, arg: &str) -> bool {
    Command::new(program)
        .arg(arg)
        .output()
        .is_ok_and(|o| o.status.success())
}

#[test]
fn graphviz_accepts_the_dot_export() {
    if !have("dot", "-V") {
        eprintln!("skipped: Graphviz `dot` is not installed");
        return;
    }
    let states = States::new();
    let dir = tempfile::tempdir().unwrap();
    for (name, s) in [
        ("baseline", states.baseline()),
        ("reformed", states.reformed()),
        ("escaping", states.escaping(Lang::Kk)),
    ] {
        let path = dir.path().join(format!("{name}.dot"));
        std::fs::write(
            &path,
            export::render(Format::Dot, &s, &RenderOptions::default()).unwrap(),
        )
        .unwrap();
        let out = Command::new("dot")
            .arg("-Tsvg")
            .arg(&path)
            .output()
            .unwrap();
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(out.status.success(), "{name}: dot failed: {err}");
        assert!(err.trim().is_empty(), "{name}: dot warned: {err}");
        let svg = String::from_utf8(out.stdout).unwrap();
        // Graphviz draws every body with its name, one `<text>` per line of the label.
        let texts = svg_texts(&svg);
        for b in &s.dataset.bodies {
            let first_line = b.name(s.lang).lines().next().unwrap();
            assert!(
                texts.iter().any(|t| t == first_line),
                "{name}: no {first_line:?} in dot's picture"
            );
        }
    }
}

/// Text content of every `<text>` element, with its `<tspan>`s joined.
fn svg_texts(svg: &str) -> Vec<String> {
    // Graphviz's SVG starts with a DOCTYPE, which roxmltree refuses unless allowed.
    let options = roxmltree::ParsingOptions {
        allow_dtd: true,
        ..Default::default()
    };
    let doc = roxmltree::Document::parse_with_options(svg, options).unwrap();
    doc.descendants()
        .filter(|n| n.has_tag_name("text"))
        .map(|n| {
            n.descendants()
                .filter(|d| d.is_text())
                .map(|d| d.text().unwrap_or_default())
                .collect()
        })
        .collect()
}

fn usvg_texts(group: &resvg::usvg::Group, out: &mut Vec<(String, f32)>) {
    for node in group.children() {
        match node {
            resvg::usvg::Node::Group(g) => usvg_texts(g, out),
            resvg::usvg::Node::Text(t) => out.push((
                t.chunks().iter().map(|c| c.text()).collect(),
                t.bounding_box().width(),
            )),
            _ => {}
        }
    }
}

#[test]
fn the_svg_renders_and_names_every_body() {
    let states = States::new();
    for (name, s) in [
        ("baseline", states.baseline()),
        (
            "baseline-ru",
            Snapshot {
                lang: Lang::Ru,
                ..states.baseline()
            },
        ),
        ("reformed", states.reformed()),
        ("escaping-kk", states.escaping(Lang::Kk)),
        ("escaping-en", states.escaping(Lang::En)),
    ] {
        let svg = text(Format::Svg, &s, RenderOptions::default());
        // As XML: every body's name is the text of an element (XML entities decoded).
        let texts = svg_texts(&svg);
        for b in &s.dataset.bodies {
            assert!(
                texts.iter().any(|t| t.trim_end() == b.name(s.lang)),
                "{name}: {:?} is not a text of the SVG",
                b.name(s.lang)
            );
        }
        // As a picture: a real renderer parses and draws it.
        // With the bundled font, as the PNG and PDF exports draw it.
        let tree = bilik::output::render::tree(&svg)
            .unwrap_or_else(|e| panic!("{name}: usvg refused the SVG: {e:#}"));
        let size = tree.size().to_int_size();
        let mut pixmap = resvg::tiny_skia::Pixmap::new(size.width(), size.height()).unwrap();
        resvg::render(
            &tree,
            resvg::tiny_skia::Transform::default(),
            &mut pixmap.as_mut(),
        );
        let inked = pixmap
            .pixels()
            .iter()
            .filter(|p| p.red() < 128 && p.green() < 128 && p.blue() < 128)
            .count();
        assert!(inked > 1000, "{name}: the rendered picture is almost blank");
        let mut drawn = Vec::new();
        usvg_texts(tree.root(), &mut drawn);
        for b in &s.dataset.bodies {
            // Names wrap onto lines when the figure narrows to its print width.
            let words = |t: &str| t.split_whitespace().collect::<Vec<_>>().join(" ");
            let label = words(b.name(s.lang));
            assert!(
                drawn.iter().any(|(t, w)| words(t) == label && *w > 0.0),
                "{name}: the renderer drew no text {label:?}"
            );
        }
    }
}

#[test]
fn graphml_is_well_formed_and_declares_every_attribute() {
    let states = States::new();
    for s in [
        states.baseline(),
        states.reformed(),
        states.escaping(Lang::En),
    ] {
        let xml = text(Format::Graphml, &s, RenderOptions::default());
        let doc = roxmltree::Document::parse(&xml).unwrap();
        let keys: BTreeSet<&str> = doc
            .descendants()
            .filter(|n| n.has_tag_name("key"))
            .map(|n| n.attribute("id").unwrap())
            .collect();
        for d in doc.descendants().filter(|n| n.has_tag_name("data")) {
            assert!(
                keys.contains(d.attribute("key").unwrap()),
                "undeclared {d:?}"
            );
        }
        let names: BTreeSet<String> = doc
            .descendants()
            .filter(|n| n.has_tag_name("data") && n.attribute("key") == Some("n_name_en"))
            .map(|n| n.text().unwrap_or_default().to_string())
            .collect();
        for b in &s.dataset.bodies {
            assert!(names.contains(&b.names.en), "{:?}", b.names.en);
        }
    }
}

#[test]
fn networkx_reads_the_graphml_with_every_attribute() {
    let script = root().join("tests/graphml_check.py");
    let networkx = Command::new("python3")
        .args(["-c", "import networkx"])
        .output()
        .is_ok_and(|o| o.status.success());
    if !networkx {
        eprintln!("skipped: python3 with networkx is not available (pip install networkx)");
        return;
    }
    let states = States::new();
    let dir = tempfile::tempdir().unwrap();
    for (name, s) in [
        ("baseline", states.baseline()),
        ("reformed", states.reformed()),
        ("escaping", states.escaping(Lang::Kk)),
    ] {
        let graphml = dir.path().join(format!("{name}.graphml"));
        let json = dir.path().join(format!("{name}.json"));
        for (path, format) in [(&graphml, Format::Graphml), (&json, Format::Json)] {
            std::fs::write(
                path,
                export::render(format, &s, &RenderOptions::default()).unwrap(),
            )
            .unwrap();
        }
        let out = Command::new("python3")
            .arg(&script)
            .arg(&graphml)
            .arg(&json)
            .output()
            .unwrap();
        let said = String::from_utf8_lossy(&out.stdout);
        assert!(
            out.status.success(),
            "{name}: {said}{}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert!(said.starts_with("ok: "), "{name}: {said}");
    }
}

#[test]
fn the_json_export_follows_its_contract() {
    let states = States::new();
    for s in [
        states.baseline(),
        states.reformed(),
        states.escaping(Lang::En),
    ] {
        let doc: serde_json::Value = serde_json::from_slice(
            &export::render(Format::Json, &s, &RenderOptions::default()).unwrap(),
        )
        .unwrap();
        assert_eq!(crate::contract::problems(&doc), Vec::<String>::new());
        assert_eq!(doc["schema"], "bilik.summary/2");
        assert_eq!(doc["reforms"], serde_json::json!(s.reforms));
    }
    let doc: serde_json::Value = serde_json::from_slice(
        &export::render(Format::Json, &states.reformed(), &RenderOptions::default()).unwrap(),
    )
    .unwrap();
    assert_eq!(doc["headline"]["total"], 0.1247);
}

fn read_csv(bytes: &[u8]) -> (Vec<String>, Vec<Vec<String>>) {
    let mut r = csv::Reader::from_reader(bytes);
    let header = r.headers().unwrap().iter().map(str::to_string).collect();
    let rows = r
        .records()
        .map(|x| x.unwrap().iter().map(str::to_string).collect())
        .collect();
    (header, rows)
}

#[test]
fn csv_tables_round_trip_through_a_csv_reader() {
    let states = States::new();
    for s in [
        states.baseline(),
        states.reformed(),
        states.escaping(Lang::En),
    ] {
        let table = |t| export::render(Format::Csv, &s, &RenderOptions { table: Some(t) }).unwrap();

        let bodies = table(Table::Bodies);
        assert!(bodies.ends_with(b"\r\n"), "RFC 4180 line ends");
        let (header, rows) = read_csv(&bodies);
        assert_eq!(&header[..4], ["id", "name_en", "name_ru", "name_kk"]);
        assert_eq!(rows.len(), s.dataset.bodies.len());
        for b in &s.dataset.bodies {
            let row = rows.iter().find(|r| r[0] == b.id).unwrap();
            assert_eq!(
                row[1..4],
                [b.names.en.clone(), b.names.ru.clone(), b.names.kk.clone()]
            );
            let note = header.iter().position(|h| h == "note").unwrap();
            assert_eq!(row[note], b.note, "notes keep quotes and line breaks");
        }

        let (header, rows) = read_csv(&table(Table::Edges));
        assert_eq!(header[0], "from");
        let steps: usize = s
            .dataset
            .bodies
            .iter()
            .flat_map(|b| &b.channels)
            .map(|c| c.steps.len())
            .sum();
        assert_eq!(rows.len(), steps + s.dataset.edges.len());
        let source = header.iter().position(|h| h == "source").unwrap();
        for e in &s.dataset.edges {
            assert!(
                rows.iter()
                    .any(|r| r[0] == e.from && r[4] == e.to && r[source] == e.source),
                "{e:?}"
            );
        }

        let (header, rows) = read_csv(&table(Table::Control));
        assert_eq!(header[8], "control");
        assert_eq!(
            rows.len(),
            s.dataset.bodies.len() * s.analysis.principals.len()
        );
        for b in &s.analysis.bodies {
            let total: f64 = rows
                .iter()
                .filter(|r| r[0] == b.id)
                .map(|r| r[8].parse::<f64>().unwrap())
                .sum();
            assert!((total - 1.0).abs() < 1e-3, "{}: {total}", b.id);
        }

        let (_, rows) = read_csv(&table(Table::Flags));
        assert_eq!(rows.len(), s.analysis.flags.len());
        for (row, f) in rows.iter().zip(&s.analysis.flags) {
            assert_eq!(
                (row[0].as_str(), row[9].as_str()),
                (f.rule, f.message(s.dataset).as_str())
            );
        }
    }
}

/// Every table of a Markdown document, as rows of cell texts, parsed the GitHub way.
fn gfm_tables(md: &str) -> Vec<Vec<Vec<String>>> {
    use pulldown_cmark::{Event, Options as MdOptions, Parser, Tag, TagEnd};
    let mut tables = Vec::new();
    let mut cell: Option<String> = None;
    let mut row: Vec<String> = Vec::new();
    let mut rows: Vec<Vec<String>> = Vec::new();
    let options =
        MdOptions::ENABLE_TABLES | MdOptions::ENABLE_STRIKETHROUGH | MdOptions::ENABLE_MATH;
    for event in Parser::new_ext(md, options) {
        match event {
            Event::Start(Tag::TableCell) => cell = Some(String::new()),
            Event::End(TagEnd::TableCell) => row.push(cell.take().unwrap_or_default()),
            Event::End(TagEnd::TableHead | TagEnd::TableRow) => rows.push(std::mem::take(&mut row)),
            Event::End(TagEnd::Table) => tables.push(std::mem::take(&mut rows)),
            Event::Text(t) | Event::Code(t) => {
                if let Some(c) = cell.as_mut() {
                    c.push_str(&t);
                }
            }
            Event::Html(_)
            | Event::InlineHtml(_)
            | Event::InlineMath(_)
            | Event::DisplayMath(_) => {
                assert!(cell.is_none(), "markup leaked into a cell: {event:?}");
            }
            Event::Start(Tag::Emphasis | Tag::Link { .. } | Tag::Strikethrough)
                if cell.is_some() =>
            {
                panic!("dataset text became markup: {event:?}");
            }
            _ => {}
        }
    }
    tables
}

#[test]
fn markdown_tables_keep_their_shape_and_their_text() {
    let states = States::new();
    for s in [
        states.baseline(),
        states.reformed(),
        states.escaping(Lang::Kk),
    ] {
        let md = text(Format::Md, &s, RenderOptions::default());
        let tables = gfm_tables(&md);
        assert!(tables.len() >= 4, "{} tables", tables.len());
        for t in &tables {
            for row in t {
                assert_eq!(
                    row.len(),
                    t[0].len(),
                    "a row with a different number of cells: {row:?}"
                );
            }
        }
        // The bodies table names every body exactly, however odd its characters.
        let bodies = tables
            .iter()
            // The headers are in the report's language.
            .find(|t| t[0][0] == tr(s.lang, "Body") && t[0][1] == tr(s.lang, "Branch"))
            .unwrap();
        for b in &s.dataset.bodies {
            let name = b.name(s.lang).replace(['\n', '\r'], " ");
            let cell = format!("{name} ({})", b.id);
            assert!(
                bodies.iter().any(|r| r[0] == cell),
                "{cell:?} not in {bodies:?}"
            );
        }
    }
}

#[test]
fn mermaid_ids_are_words_and_labels_are_quoted() {
    let states = States::new();
    for s in [
        states.baseline(),
        states.reformed(),
        states.escaping(Lang::Kk),
    ] {
        let m = text(Format::Mermaid, &s, RenderOptions::default());
        let mut arrows = 0;
        for line in m.lines().skip(2) {
            let line = line.trim();
            if line == "end" || line.starts_with("style ") || line.starts_with("linkStyle ") {
                continue;
            }
            if let Some(rest) = line.strip_prefix("subgraph ") {
                assert!(
                    rest.starts_with("g_") || rest.starts_with("legend["),
                    "{line}"
                );
                continue;
            }
            // The legend's swatches and sample arrows.
            if line.starts_with("legend_") {
                arrows += usize::from(line.contains("| legend_b"));
                continue;
            }
            let id: String = line
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                .collect();
            assert!(id.starts_with("b_"), "{line}");
            let rest = &line[id.len()..];
            if rest.starts_with("[\"") {
                let label = rest
                    .strip_prefix("[\"")
                    .unwrap()
                    .strip_suffix("\"]")
                    .unwrap();
                assert!(
                    !label.contains(['"', '\n', '<', '>']) || label.contains("<br/>"),
                    "{line}"
                );
                assert!(
                    !label.replace("<br/>", "").contains(['"', '<', '>']),
                    "{line}"
                );
            } else {
                arrows += 1;
                let target = rest.rsplit(' ').next().unwrap();
                assert!(target.starts_with("b_"), "{line}");
            }
        }
        let styles = m
            .lines()
            .filter(|l| l.trim_start().starts_with("linkStyle "))
            .count();
        assert_eq!(styles, arrows, "one linkStyle per arrow");
    }
}

#[test]
fn escaping_survives_every_format() {
    let states = States::new();
    let s = states.escaping(Lang::En);
    let dot = text(Format::Dot, &s, RenderOptions::default());
    assert!(
        dot.contains(r#""court" [label="Court \"Supreme\" <&> | Ω\n3 seats"#),
        "{dot}"
    );
    assert!(
        dot.contains(r#""chamber" [label="Chamber\nof Deputies\n10 seats"#),
        "{dot}"
    );
    let graphml = text(Format::Graphml, &s, RenderOptions::default());
    assert!(
        graphml
            .contains("<data key=\"n_name_en\">Court &quot;Supreme&quot; &lt;&amp;&gt; | Ω</data>")
    );
    assert!(graphml.contains("<data key=\"n_name_en\">Chamber&#10;of Deputies</data>"));
    let svg = text(Format::Svg, &s, RenderOptions::default());
    assert!(svg.contains(">Court &quot;Supreme&quot; &lt;&amp;&gt; | Ω</tspan></text>"));
    let mermaid = text(Format::Mermaid, &s, RenderOptions::default());
    assert!(
        mermaid.contains(r#"b_court["Court #quot;Supreme#quot; #lt;#amp;#gt; | Ω<br/>3 seats"#),
        "{mermaid}"
    );
    let md = text(
        Format::Md,
        &Snapshot {
            lang: Lang::Kk,
            ..s
        },
        RenderOptions::default(),
    );
    assert!(md.contains(r"| Сот: ә ғ қ ң ө ұ ү һ і (`court`) |"), "{md}");
    assert!(md.contains(r"Сайлаушылар \<әғқңөұүһі\>"), "{md}");
}

#[test]
fn every_embedded_dataset_exports_in_every_format() {
    let dot = have("dot", "-V");
    for e in bilik::data::EMBEDDED {
        let d = bilik::data::resolve(e.id).unwrap_or_else(|err| panic!("{}", err.report));
        let a = analysed(&d);
        let s = Snapshot::new(&d, &a, Lang::Ru);
        for (name, format, options) in every_format() {
            let bytes = export::render(format, &s, &options).unwrap();
            assert!(!bytes.is_empty(), "{}: {name}", e.id);
        }
        let svg = text(Format::Svg, &s, RenderOptions::default());
        let texts = svg_texts(&svg);
        for b in &d.bodies {
            assert!(
                texts.iter().any(|t| t == b.name(Lang::Ru)),
                "{}: {}",
                e.id,
                b.id
            );
        }
        let json: serde_json::Value =
            serde_json::from_str(&text(Format::Json, &s, RenderOptions::default())).unwrap();
        assert_eq!(
            crate::contract::problems(&json),
            Vec::<String>::new(),
            "{}",
            e.id
        );
        roxmltree::Document::parse(&text(Format::Graphml, &s, RenderOptions::default()))
            .unwrap_or_else(|err| panic!("{}: {err}", e.id));
        if dot {
            let mut child = Command::new("dot")
                .arg("-Tsvg")
                .stdin(std::process::Stdio::piped())
                .stdout(std::process::Stdio::null())
                .stderr(std::process::Stdio::piped())
                .spawn()
                .unwrap();
            std::io::Write::write_all(
                &mut child.stdin.take().unwrap(),
                &export::render(Format::Dot, &s, &RenderOptions::default()).unwrap(),
            )
            .unwrap();
            let out = child.wait_with_output().unwrap();
            assert!(
                out.status.success() && out.stderr.is_empty(),
                "{}: dot said {}",
                e.id,
                String::from_utf8_lossy(&out.stderr)
            );
        }
    }
}

#[test]
fn the_readme_svg_is_the_current_export() {
    // The picture in the README is generated; this keeps it from going stale.
    let states = States::new();
    let committed = std::fs::read_to_string(root().join("assets/kz-2022.svg")).unwrap();
    assert!(
        committed == text(Format::Svg, &states.baseline(), RenderOptions::default()),
        "assets/kz-2022.svg is stale: run `bilik export --format svg -o assets/kz-2022.svg`"
    );
    let readme = std::fs::read_to_string(root().join("README.md")).unwrap();
    assert!(
        readme.contains("(assets/kz-2022.svg)"),
        "the README shows the picture"
    );
}
