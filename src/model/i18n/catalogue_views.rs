//! The catalogue's rows for the Graph, Matrix, Weights and Reforms views and the export
//! picker: (English key, Russian, Kazakh), a data table, in the conventions of
//! `catalogue.rs` (terms of the Constitution's official texts: назначает / тағайындайды, по
//! согласию / келісімімен, освобождает от должности / қызметтен босатады, распускает /
//! таратады). Short words shared by several views take an id key (`graph.…`, `reforms.…`)
//! so that they never meet another part's key of the same spelling.

pub(super) const ENTRIES: &[(&str, &str, &str)] = &[
    // ── Graph: a power as a verb whose subject is the body that holds it ──────────────────
    (
        "graph.dismisses",
        "освобождает от должности",
        "қызметтен босатады",
    ),
    (
        "graph.dismisses for cause",
        "освобождает по основаниям закона",
        "заң негізінде босатады",
    ),
    ("graph.dissolves", "распускает", "таратады"),
    (
        "graph.dissolves on refusal",
        "распускает после отказа",
        "бас тартса таратады",
    ),
    (
        "graph.impeaches",
        "отрешает от должности",
        "қызметтен кетіреді",
    ),
    (
        "graph.holds to account",
        "привлекает к ответственности",
        "жауапқа тартады",
    ),
    (
        "graph.no confidence",
        "выражает недоверие",
        "сенімсіздік білдіреді",
    ),
    ("graph.audits", "проводит аудит", "аудит жүргізеді"),
    ("graph.investigates", "расследует", "тергейді"),
    ("graph.reviews", "проверяет акты", "актілерін тексереді"),
    ("graph.vetoes", "налагает вето", "вето қояды"),
    ("graph.overrides", "преодолевает вето", "ветоны еңсереді"),
    ("graph.directs", "руководит", "басшылық етеді"),
    ("graph.petitions", "обращается", "өтініш жасайды"),
    // ── Graph: the neighbourhood ─────────────────────────────────────────────────────────
    (
        "▶ picks {share} of {name}",
        "▶ выбирает {share}: {name}",
        "▶ {name}: {share} таңдайды",
    ),
    (
        "▶ ratifies {share} of {name}",
        "▶ согласие на {share}: {name}",
        "▶ {name}: {share} келісім береді",
    ),
    (
        "▶ {glyph} {verb} {name} ({channel})",
        "▶ {glyph} {verb}: {name} ({channel})",
        "▶ {glyph} {name} ({channel}) — {verb}",
    ),
    (
        "▶ {glyph} {verb} {name}",
        "▶ {glyph} {verb}: {name}",
        "▶ {glyph} {name} — {verb}",
    ),
    (
        " Neighbourhood of {name} ",
        " Связи органа «{name}» ",
        " «{name}» органының байланыстары ",
    ),
    (
        "· ━▶ picks ┄▶ ratifies ✕ dismisses ⊘ dissolves ⚖ reviews · o: all ",
        "· ━▶ выбор ┄▶ согласие ✕ освобождение ⊘ роспуск ⚖ проверка · o: все ",
        "· ━▶ таңдау ┄▶ келісім ✕ босату ⊘ тарату ⚖ тексеру · o: барлығы ",
    ),
    (
        "filled by no one",
        "никем не формируется",
        "ешкім жасақтамайды",
    ),
    (
        "fills nothing, holds no power",
        "ничего не формирует, полномочий нет",
        "ештеңе жасақтамайды, өкілеттігі жоқ",
    ),
    // ── Graph: the overview ──────────────────────────────────────────────────────────────
    (
        " Whole system by layer ",
        " Вся система по уровням ",
        " Бүкіл жүйе деңгейлер бойынша ",
    ),
    (
        "· ◀━ picked by · ━▶ picks · Enter: neighbourhood · o: back ",
        "· ◀━ кем выбран · ━▶ кого выбирает · Enter: связи · o: назад ",
        "· ◀━ кім таңдайды · ━▶ кімді таңдайды · Enter: байланыстар · o: артқа ",
    ),
    (
        "Layer {layer} · {n} {n:body|bodies}, picked by no body of the state",
        "Уровень {layer} · {n} {n:орган|органа|органов} · выбор не зависит от органов государства",
        "{layer}-деңгей · {n} орган · мемлекеттің ешбір органы таңдамайды",
    ),
    (
        "Layer {layer} · {n} {n:body|bodies}, picked from the layers above",
        "Уровень {layer} · {n} {n:орган|органа|органов} · выбор с уровней выше",
        "{layer}-деңгей · {n} орган · жоғарғы деңгейлерден таңдалады",
    ),
    // ── Matrix ───────────────────────────────────────────────────────────────────────────
    (
        " Integrated control: principals by bodies ",
        " Интегрированный контроль: принципалы по органам ",
        " Интеграцияланған бақылау: принципалдар органдар бойынша ",
    ),
    ("unsorted", "без сортировки", "сұрыпталмаған"),
    (
        "sorted by {column} {arrow}",
        "сортировка: {column} {arrow}",
        "сұрыптау: {column} {arrow}",
    ),
    ("matrix.name", "название", "атауы"),
    ("matrix.root", "исх.", "баст."),
];
