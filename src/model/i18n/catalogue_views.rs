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
    // Constitutional review: the glyph ⚖ and the legend say of what.
    ("graph.reviews", "проверяет", "тексереді"),
    ("graph.vetoes", "налагает вето", "вето қояды"),
    ("graph.overrides", "преодолевает вето", "ветоны еңсереді"),
    ("graph.directs", "руководит", "басшылық етеді"),
    ("graph.petitions", "обращается", "өтініш жасайды"),
    // ── Graph: the neighbourhood (the verb first, before a colon and the name in the
    // nominative, which no language here can decline) ──────────────────────────────────────
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
        "▶ {glyph} {verb}: {name} ({channel})",
    ),
    (
        "▶ {glyph} {verb} {name}",
        "▶ {glyph} {verb}: {name}",
        "▶ {glyph} {verb}: {name}",
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
    // ── Weights ──────────────────────────────────────────────────────────────────────────
    (
        " Weights and principals ",
        " Веса и принципалы ",
        " Салмақтар мен принципалдар ",
    ),
    (
        "ROLE WEIGHTS  (+/- to change)",
        "ВЕСА РОЛЕЙ  (+/- изменить)",
        "РӨЛДЕР САЛМАҒЫ  (+/- өзгерту)",
    ),
    ("at-will threat", "угроза роспуска", "тарату қаупі"),
    ("weights.on", "вкл", "қосулы"),
    ("weights.off", "выкл", "өшірулі"),
    ("share model (m)", "модель долей (m)", "үлес моделі (m)"),
    ("range band", "полоса диапазона", "ауқым жолағы"),
    (
        "PRINCIPALS  (Space toggles)",
        "ПРИНЦИПАЛЫ  (Space: вкл/выкл)",
        "ПРИНЦИПАЛДАР  (Space: қосу/өшіру)",
    ),
    ("weights. always", " всегда", " әрқашан"),
    (
        "the actor who picks the candidate: the nominator, or the appointer or elector when nobody nominates",
        "тот, кто выбирает кандидата: выдвигающий, а если никто не выдвигает, то назначающий или избирающий",
        "кандидатты таңдайтын тарап: ұсынушы, ал ешкім ұсынбаса, тағайындаушы немесе сайлаушы",
    ),
    (
        "an actor whose approval the pick needs: a consent, or an election of someone else's nominee",
        "тот, чьё одобрение нужно для выбора: согласие или избрание кандидата, выдвинутого другим",
        "таңдау үшін мақұлдауы қажет тарап: келісім немесе басқа біреу ұсынған кандидатты сайлау",
    ),
    (
        "a consent whose holder the proposer may dissolve for refusing it",
        "согласие органа, который выдвигающий может распустить за отказ в нём",
        "ұсынушы бас тартқаны үшін тарата алатын органның келісімі",
    ),
    (
        "a non-binding recommendation",
        "необязательная рекомендация",
        "міндетті емес ұсыным",
    ),
    (
        "the part of a seat that goes to whoever can dismiss its holder at will (0 to 1)",
        "доля места, которая достаётся тому, кто может освободить его обладателя от должности по своему усмотрению (от 0 до 1)",
        "орын иесін өз қалауымен қызметтен босата алатын тарапқа тиесілі орын үлесі (0-ден 1-ге дейін)",
    ),
    (
        "at-will dissolution counts as a threat: on",
        "роспуск по усмотрению считается угрозой: да",
        "өз қалауымен тарату қауіп деп саналады: иә",
    ),
    (
        "at-will dissolution counts as a threat: off",
        "роспуск по усмотрению считается угрозой: нет",
        "өз қалауымен тарату қауіп деп саналады: жоқ",
    ),
    (
        "at-will dissolution counts as a threat: off (the default)",
        "роспуск по усмотрению считается угрозой: нет (по умолчанию)",
        "өз қалауымен тарату қауіп деп саналады: жоқ (әдепкі)",
    ),
    (
        "default off (R-THREAT): the text ties no dissolution to a refusal of consent",
        "по умолчанию выключено (R-THREAT): текст не связывает роспуск с отказом в согласии",
        "әдепкіде өшірулі (R-THREAT): мәтін таратуды келісімнен бас тартумен байланыстырмайды",
    ),
    (
        "{name} is filled by no one: it is always a principal",
        "{name}: никем не формируется, поэтому всегда принципал",
        "{name}: ешкім жасақтамайды, сондықтан әрқашан принципал",
    ),
    (
        "{name} is now a principal",
        "{name} теперь принципал",
        "{name} енді принципал",
    ),
    (
        "{name} is no longer a principal",
        "{name} больше не принципал",
        "{name} енді принципал емес",
    ),
    (
        "ranges over the band: {band}",
        "диапазоны по полосе: {band}",
        "ауқымдар жолағы: {band}",
    ),
    (
        "weights, principals, threat option, share model and band restored to the defaults",
        "веса, принципалы, вариант угрозы, модель долей и полоса возвращены к значениям по умолчанию",
        "салмақтар, принципалдар, қауіп опциясы, үлес моделі және жолақ әдепкі мәндерге қайтарылды",
    ),
    (
        "picks {picked} of {seats} seats · {direct} directly",
        "выбирает кандидатов на {picked} из {seats} {seats:места|мест|мест} · {direct} напрямую",
        "{seats} орынның {picked} орнына кандидат таңдайды · {direct} тікелей",
    ),
    (
        "+{share} through the {via}",
        "+{share} через орган «{via}»",
        "+{share} «{via}» арқылы",
    ),
    ("range: {basis}", "диапазон: {basis}", "ауқым: {basis}"),
    ("PRINCIPAL", "ПРИНЦИПАЛ", "ПРИНЦИПАЛ"),
    ("indep.seats", "незав.мест", "тәуел.орын"),
    ("majors", "больш.", "көпш."),
    (
        "system HHI {hhi} · {n} flags",
        "HHI системы {hhi} · {n} {n:сигнал|сигнала|сигналов}",
        "жүйенің HHI {hhi} · {n} белгі",
    ),
    (" What moves ", " Что меняется ", " Не өзгереді "),
    // ── Reforms ──────────────────────────────────────────────────────────────────────────
    (
        " Reforms ({n} on) ",
        " Реформы (включено: {n}) ",
        " Реформалар (қосулы: {n}) ",
    ),
    ("reforms. Reform ", " Реформа ", " Реформа "),
    (
        " Against the baseline: {state} ",
        " По сравнению с базовым состоянием: {state} ",
        " Базалық жағдаймен салыстыру: {state} ",
    ),
    (
        "cannot compare with the baseline: {error}",
        "не удаётся сравнить с базовым состоянием: {error}",
        "базалық жағдаймен салыстыру мүмкін емес: {error}",
    ),
    (
        "No reform presets for this dataset (load a file with --reforms FILE).",
        "Для этого набора данных нет готовых реформ (загрузите файл: --reforms FILE).",
        "Бұл деректер жиынына дайын реформалар жоқ (файлды жүктеңіз: --reforms FILE).",
    ),
    ("reforms.ON ", "ВКЛ ", "ҚОСУЛЫ "),
    ("reforms.off ", "выкл ", "өшірулі "),
    (
        "{article} of the source article",
        "{article} исходной статьи",
        "бастапқы мақала: {article}",
    ),
    ("Assumptions", "Допущения", "Болжамдар"),
    ("Operations ({n})", "Операции ({n})", "Операциялар ({n})"),
    (
        "No reform is on: this is the baseline. Space switches the preset under the cursor on.",
        "Ни одна реформа не включена: это базовое состояние. Space включает реформу под курсором.",
        "Бірде-бір реформа қосылмаған: бұл базалық жағдай. Space курсордағы реформаны қосады.",
    ),
    ("(no range)", "(без диапазона)", "(ауқымсыз)"),
    (
        "  range being computed",
        "  диапазон вычисляется",
        "  ауқым есептелуде",
    ),
    (
        "  range {before} → {after}",
        "  диапазон {before} → {after}",
        "  ауқым {before} → {after}",
    ),
    (
        "{share} via {via}",
        "{share} через орган «{via}»",
        "{share} «{via}» арқылы",
    ),
    ("before: {x}", "до: {x}", "бұрын: {x}"),
    ("after: {x}", "после: {x}", "кейін: {x}"),
    (
        "Bodies that changed ({n})",
        "Изменившиеся органы ({n})",
        "Өзгерген органдар ({n})",
    ),
    (
        "{name} (added):{seats} {detail}",
        "{name} (добавлен):{seats} {detail}",
        "{name} (қосылды):{seats} {detail}",
    ),
    (
        "{name} (removed):{seats} {detail}",
        "{name} (упразднён):{seats} {detail}",
        "{name} (алынып тасталды):{seats} {detail}",
    ),
    (
        " {x}→{y} seats;",
        " {x}→{y} {y:место|места|мест};",
        " {x}→{y} орын;",
    ),
    (
        "Flags cleared ({cleared}) and raised ({raised})",
        "Снятые сигналы ({cleared}) и новые ({raised})",
        "Алынған белгілер ({cleared}) және жаңа белгілер ({raised})",
    ),
    (
        "Per principal: share of independent seats, majorities",
        "По принципалам: доля независимых мест, большинства",
        "Принципалдар бойынша: тәуелсіз орындар үлесі, көпшіліктер",
    ),
    (
        "system HHI {before} → {after}",
        "HHI системы {before} → {after}",
        "жүйенің HHI {before} → {after}",
    ),
    (
        "{id} on · active: {list}",
        "{id} включена · включены: {list}",
        "{id} қосылды · қосулы: {list}",
    ),
    (
        "{id} off · active: {list}",
        "{id} выключена · включены: {list}",
        "{id} өшірілді · қосулы: {list}",
    ),
    (
        "none: the baseline",
        "нет (базовое состояние)",
        "жоқ (базалық жағдай)",
    ),
    (
        "all reforms off: the baseline",
        "все реформы выключены: базовое состояние",
        "барлық реформалар өшірілді: базалық жағдай",
    ),
    // ── The export picker ────────────────────────────────────────────────────────────────
    (
        " Export the comparison · Tab list/name · Enter · Esc ",
        " Экспорт сравнения · Tab список/имя · Enter · Esc ",
        " Салыстыруды экспорттау · Tab тізім/атау · Enter · Esc ",
    ),
    (
        " Export the diff or the state · Tab list/name · Enter · Esc ",
        " Экспорт разницы или состояния · Tab список/имя · Enter · Esc ",
        " Айырманы не күйді экспорттау · Tab тізім/атау · Enter · Esc ",
    ),
    (
        " Export what is on screen · Tab list/name · Enter · Esc ",
        " Экспорт того, что на экране · Tab список/имя · Enter · Esc ",
        " Экрандағыны экспорттау · Tab тізім/атау · Enter · Esc ",
    ),
    (
        "report to paste into a paper",
        "отчёт для вставки в статью",
        "мақалаға қоюға арналған есеп",
    ),
    (
        "bilik.summary/2 for other tools",
        "bilik.summary/2 для других программ",
        "басқа бағдарламаларға: bilik.summary/2",
    ),
    (
        "Graphviz source",
        "исходный текст Graphviz",
        "Graphviz бастапқы мәтіні",
    ),
    (
        "picture, no Graphviz needed",
        "рисунок, Graphviz не нужен",
        "сурет, Graphviz қажет емес",
    ),
    (
        "flowchart GitHub renders",
        "блок-схема, которую показывает GitHub",
        "GitHub көрсететін блок-сызба",
    ),
    ("table of bodies", "таблица органов", "органдар кестесі"),
    (
        "table of channel steps and edges",
        "таблица шагов каналов и связей",
        "арна қадамдары мен байланыстар кестесі",
    ),
    (
        "table of control by principal",
        "таблица контроля по принципалам",
        "принципалдар бойынша бақылау кестесі",
    ),
    ("table of flags", "таблица сигналов", "белгілер кестесі"),
    (
        "for Gephi, yEd, networkx",
        "для Gephi, yEd и networkx",
        "Gephi, yEd және networkx үшін",
    ),
    (
        "picture for slides (300 dpi)",
        "рисунок для слайдов (300 dpi)",
        "слайдтарға арналған сурет (300 dpi)",
    ),
    (
        "picture for print, fonts embedded",
        "рисунок для печати, шрифты встроены",
        "басуға арналған сурет, қаріптер ендірілген",
    ),
    (
        "the comparison's tables",
        "таблицы сравнения",
        "салыстыру кестелері",
    ),
    (
        "tables to paste into a paper",
        "таблицы для вставки в статью",
        "мақалаға қоюға арналған кестелер",
    ),
    (
        "bilik.compare/1 for other tools",
        "bilik.compare/1 для других программ",
        "басқа бағдарламаларға: bilik.compare/1",
    ),
    (
        "one row per dataset",
        "одна строка на набор данных",
        "әр деректер жиынына бір жол",
    ),
    (
        "figure: indicators, roles, ranges",
        "рисунок: показатели, роли, диапазоны",
        "сурет: көрсеткіштер, рөлдер, ауқымдар",
    ),
    (
        "the figure for slides (300 dpi)",
        "рисунок для слайдов (300 dpi)",
        "слайдтарға арналған сурет (300 dpi)",
    ),
    (
        "the figure for print",
        "рисунок для печати",
        "басып шығаруға арналған сурет",
    ),
    (
        "what the reforms change",
        "что меняют реформы",
        "реформалар нені өзгертеді",
    ),
    (
        "the same, to paste into a paper",
        "то же для вставки в статью",
        "соны мақалаға қоюға",
    ),
    (
        "bilik.diff/1 for other tools",
        "bilik.diff/1 для других программ",
        "басқа бағдарламаларға: bilik.diff/1",
    ),
    (
        "figure: before and after",
        "рисунок: до и после",
        "сурет: бұрын және кейін",
    ),
    ("file: ", "файл: ", "файл: "),
    ("file▸ ", "файл▸ ", "файл▸ "),
    (
        "the file exists: y writes over it, n goes back",
        "файл существует: y — перезаписать, n — назад",
        "файл бар: y — қайта жазу, n — артқа",
    ),
    (
        "j/k or ↑↓ format · type or Tab to edit the name",
        "j/k или ↑↓ формат · ввод или Tab — изменить имя",
        "j/k не ↑↓ пішім · теру не Tab — атауды өзгерту",
    ),
    (
        "typing edits the name · ↑↓ format · Tab back to the list",
        "ввод меняет имя · ↑↓ формат · Tab — к списку",
        "теру атауды өзгертеді · ↑↓ пішім · Tab — тізімге",
    ),
    (
        "export: type a file name",
        "экспорт: введите имя файла",
        "экспорт: файл атауын енгізіңіз",
    ),
    (
        "{path} exists: write over it? y/n",
        "{path} существует: перезаписать? y/n",
        "{path} бар: қайта жазу керек пе? y/n",
    ),
    ("writing {path} …", "запись {path} …", "{path} жазылуда …"),
    ("export: {error}", "экспорт: {error}", "экспорт: {error}"),
    (
        "not written: change the name, or Esc",
        "не записано: измените имя или нажмите Esc",
        "жазылмады: атауын өзгертіңіз немесе Esc басыңыз",
    ),
    (
        "exported to {path}",
        "экспортировано в {path}",
        "{path} файлына экспортталды",
    ),
    (
        "export failed: {error}",
        "экспорт не удался: {error}",
        "экспорт сәтсіз аяқталды: {error}",
    ),
    (
        "the comparison is not measured yet; try again in a moment",
        "сравнение ещё не вычислено; повторите чуть позже",
        "салыстыру әлі есептелмеді; сәлден соң қайталаңыз",
    ),
    (
        "no reform is on: there is no diff",
        "ни одна реформа не включена: сравнивать не с чем",
        "бірде-бір реформа қосылмаған: салыстыратын ештеңе жоқ",
    ),
    // ── Bodies: the detail's account of its figure (views/why.rs) ────────────────────────
    // ── The explorer's start and figures the worker computes (tui/start.rs, Weights) ─────
    (
        "measuring… {n} bodies",
        "идёт расчёт… органов: {n}",
        "есептелуде… органдар: {n}",
    ),
    (
        "the analysis of the state: the views open when it is done; the ranges and the headline's sensitivity follow",
        "анализ государства: представления откроются, когда он завершится; диапазоны и чувствительность главного показателя — следом",
        "мемлекетті талдау: ол аяқталғанда көріністер ашылады; ауқымдар мен басты көрсеткіштің сезімталдығы кейін есептеледі",
    ),
    ("{key} quits", "{key} — выход", "{key} — шығу"),
    (
        "the sources: measuring…",
        "источники: идёт расчёт…",
        "дереккөздер: есептелуде…",
    ),
    (
        "the headline: measuring…",
        "главный показатель: идёт расчёт…",
        "басты көрсеткіш: есептелуде…",
    ),
    (
        "recomputing… {what}",
        "пересчёт… {what}",
        "қайта есептелуде… {what}",
    ),
    (
        "all reforms off",
        "все реформы выключены",
        "барлық реформалар өшірілген",
    ),
    ("measuring…", "идёт расчёт…", "есептелуде…"),
    (
        "the comparison: measuring…",
        "сравнение: идёт расчёт…",
        "салыстыру: есептелуде…",
    ),
    // ── Sources (`8`) ──────────────────────────────────────────────────────────────────────
    (
        "Sources of {id} ({n})",
        "Источники {id} ({n})",
        "{id} дереккөздері ({n})",
    ),
    (
        "· ▸ cited by the selected citation",
        "· ▸ названы в выбранной ссылке",
        "· ▸ таңдалған сілтемеде аталған",
    ),
    ("Citations ({n})", "Ссылки ({n})", "Сілтемелер ({n})"),
    ("· Enter: the text", "· Enter: текст", "· Enter: мәтін"),
    ("sources.body", "орган", "орган"),
    ("sources.codes", "кодирует", "кодтайды"),
    ("sources.citation", "ссылка", "сілтеме"),
    ("sources.The text", "Текст", "Мәтін"),
    ("sources.the body", "сам орган", "органның өзі"),
    ("sources.bloc", "блок", "блок"),
    ("sources.and", "и", "және"),
    (
        "· ↑/↓ scroll · ← back",
        "· ↑/↓ прокрутка · ← назад",
        "· ↑/↓ айналдыру · ← артқа",
    ),
    ("· → scroll", "· → прокрутка", "· → айналдыру"),
    (
        "{name}: the body itself, {size}",
        "{name}: сам орган, {size}",
        "{name}: органның өзі, {size}",
    ),
    (
        "{name}: the attribute {a}",
        "{name}: атрибут {a}",
        "{name}: атрибут {a}",
    ),
    (
        "{name} · bloc {label}, {size}",
        "{name} · блок: {label}, {size}",
        "{name} · блок: {label}, {size}",
    ),
    (
        "Cited as: {source}",
        "Ссылка в данных: {source}",
        "Деректердегі сілтеме: {source}",
    ),
    (
        "The text is not shipped for {id}: bilik ships the constitutions that {ids} cite. Read the source at its address above.",
        "Текст для {id} не поставляется: bilik содержит конституции, на которые ссылаются {ids}. Источник — по адресу выше.",
        "{id} үшін мәтін жеткізілмейді: bilik құрамында {ids} сілтеме жасайтын конституциялар бар. Дереккөзді жоғарыдағы мекенжай бойынша оқыңыз.",
    ),
    (
        "This citation names no article of the constitution, and only the constitution's text ships with bilik: read the source at its address above.",
        "Эта ссылка не называет статьи конституции, а с bilik поставляется только текст конституции: источник — по адресу выше.",
        "Бұл сілтеме конституцияның бабын атамайды, ал bilik құрамында тек конституция мәтіні бар: дереккөзді жоғарыдағы мекенжай бойынша оқыңыз.",
    ),
    (
        "{cite}: not in the shipped text ({e})",
        "{cite}: нет в поставляемом тексте ({e})",
        "{cite}: жеткізілетін мәтінде жоқ ({e})",
    ),
    (
        "Constitution of the Republic of Kazakhstan of 30 August 1995, as amended on 8 June and 17 September 2022 (wording as of 1 January 2023), in Russian",
        "Конституция Республики Казахстан от 30 августа 1995 года с изменениями от 8 июня и 17 сентября 2022 года (редакция на 1 января 2023 года), на русском языке",
        "Қазақстан Республикасының 1995 жылғы 30 тамыздағы Конституциясы, 2022 жылғы 8 маусымдағы және 17 қыркүйектегі өзгерістерімен (2023 жылғы 1 қаңтардағы редакция), орыс тілінде",
    ),
    (
        "Constitution of the Republic of Kazakhstan adopted by referendum on 15 March 2026, in force 1 July 2026, in Russian",
        "Конституция Республики Казахстан, принятая на референдуме 15 марта 2026 года, в силе с 1 июля 2026 года, на русском языке",
        "2026 жылғы 15 наурызда референдумда қабылданған, 2026 жылғы 1 шілдеден бастап күшіне енген Қазақстан Республикасының Конституциясы, орыс тілінде",
    ),
    // ── Bodies: voting power in a body with blocs (codebook R33, R34) ────────────────────
    (
        "VOTING POWER · quota {quota} of {seats} ({rule}) · share model {model}",
        "ВЕС ГОЛОСА · порог {quota} из {seats} ({rule}) · модель долей {model}",
        "ДАУЫС САЛМАҒЫ · шегі {seats} ішінен {quota} ({rule}) · үлес моделі {model}",
    ),
    (
        "not computed: {e}; the seats count",
        "не рассчитано: {e}; учитываются места",
        "есептелмеді: {e}; орындар ескеріледі",
    ),
    (
        " (aligned with the {principal})",
        " (союз: {principal}, R21)",
        " (одақ: {principal}, R21)",
    ),
    (
        "{n} {n:seat|seats} · Banzhaf {b} · Shapley-Shubik {s}",
        "{n} {n:место|места|мест} · Банцаф {b} · Шепли — Шубик {s}",
        "{n} орын · Банцаф {b} · Шепли-Шубик {s}",
    ),
    (
        "{n} {n:seat|seats} in no bloc: each Banzhaf {b} · Shapley-Shubik {s}",
        "{n} {n:место|места|мест} вне блоков: у каждого Банцаф {b} · Шепли — Шубик {s}",
        "блоктан тыс {n} орын: әрқайсысында Банцаф {b} · Шепли-Шубик {s}",
    ),
    // ── A weight's name where a sentence reads it (the id stays in JSON and `--weights`) ──
    ("weight.recommend", "рекомендация", "ұсыным"),
    ("weight.propose", "представление", "ұсыну"),
    ("weight.consent", "согласие", "келісім"),
    (
        "weight.consent_under_threat",
        "согласие под угрозой роспуска",
        "тарату қаупімен келісім",
    ),
    (
        "weight.at_will_removal",
        "освобождение по усмотрению",
        "өз қалауымен босату",
    ),
];
