//! The catalogue's rows for the Compare, Sweep and Tour views, the comparison's reasons and
//! the figures (SVG, PNG, PDF): (English key, Russian, Kazakh), a data table in the format of
//! `catalogue.rs` and under its conventions (terms of the official texts of the Constitution,
//! names in the nominative, numbers in one written form).

pub(super) const ENTRIES: &[(&str, &str, &str)] = &[
    // ── The comparison's reasons (`compare`, WHY) ────────────────────────────────────────
    ("seats", "места", "орындар"),
    (
        "seats picked by the {head}",
        "места, на которые выбирает {head}",
        "{head} таңдайтын орындар",
    ),
    (
        " (now under threat of dissolution)",
        " (теперь под угрозой роспуска)",
        " (енді тарату қатерімен)",
    ),
    (
        " (no longer under threat of dissolution)",
        " (больше не под угрозой роспуска)",
        " (енді тарату қатерінсіз)",
    ),
    (
        " (under threat of dissolution)",
        " (под угрозой роспуска)",
        " (тарату қатерімен)",
    ),
    (
        "his picks needing the consent of the {actor}{threat}",
        "его выбор, требующий согласия органа «{actor}»{threat}",
        "«{actor}» органының келісімін қажет ететін оның таңдауы{threat}",
    ),
    (
        "his picks made on the recommendation of the {actor}",
        "его выбор по рекомендации органа «{actor}»",
        "«{actor}» органының ұсынымы бойынша оның таңдауы",
    ),
    (
        "seats the {head} can dismiss at will",
        "места, с которых {head} может освободить от должности по усмотрению",
        "{head} өз қалауымен қызметтен босата алатын орындар",
    ),
    (
        "seats picked by the {actor}",
        "места, на которые выбирает орган «{actor}»",
        "«{actor}» органы таңдайтын орындар",
    ),
    (
        "the {head}'s hold on the {actor}",
        "удержание органа «{actor}»: {head}",
        "«{actor}» органын ұстап тұру: {head}",
    ),
    (
        "weights: {weights}",
        "веса: {weights}",
        "салмақтар: {weights}",
    ),
    (
        "weights of {id}: {weights}",
        "веса {id}: {weights}",
        "{id} салмақтары: {weights}",
    ),
    (
        "head_of_state_concentration",
        "концентрация у главы государства",
        "мемлекет басшысындағы шоғырлану",
    ),
    // ── The Compare view ─────────────────────────────────────────────────────────────────
    (
        "cannot compare: {error}",
        "сравнение невозможно: {error}",
        "салыстыру мүмкін емес: {error}",
    ),
    (" Datasets ", " Наборы данных ", " Деректер жиындары "),
    ("this state", "на экране", "экрандағы күй"),
    ("Space: in / out", "Space: вкл / выкл", "Space: қосу/алу"),
    ("←→: the table", "←→: таблица", "←→: кесте"),
    ("▲▼: vs 1st column", "▲▼: к 1-му столбцу", "▲▼: 1-бағанмен"),
    (" Comparison ", " Сравнение ", " Салыстыру "),
    (
        "· weights as in force ({weights}) ",
        "· действующие веса ({weights}) ",
        "· қолданыстағы салмақтар ({weights}) ",
    ),
    ("this", "текущее", "қазіргі"),
    (
        "Choose datasets on the left (Space).",
        "Выберите наборы данных слева (Space).",
        "Сол жақтан деректер жиындарын таңдаңыз (Space).",
    ),
    (
        "Choose at least one dataset on the left (Space).",
        "Выберите слева хотя бы один набор данных (Space).",
        "Сол жақтан кемінде бір деректер жиынын таңдаңыз (Space).",
    ),
    (
        "columns {from}–{to} of {n}",
        "столбцы {from}–{to} из {n}",
        "{n} бағанның {from}–{to}",
    ),
    ("→ for more", "→ остальные", "→ қалғандары"),
    ("for more", "остальные", "қалғандары"),
    ("HEAD OF STATE", "ГЛАВА ГОСУДАРСТВА", "МЕМЛЕКЕТ БАСШЫСЫ"),
    (
        "HIS CONTROL BY ROLE",
        "ЕГО КОНТРОЛЬ ПО РОЛЯМ",
        "ОНЫҢ РӨЛДЕР БОЙЫНША БАҚЫЛАУЫ",
    ),
    (
        "TIMELINE {jurisdiction}: {datasets}",
        "ХРОНОЛОГИЯ {jurisdiction}: {datasets}",
        "ХРОНОЛОГИЯ {jurisdiction}: {datasets}",
    ),
    (
        "concentration {figures}",
        "концентрация {figures}",
        "шоғырлану {figures}",
    ),
    (
        "WHO CONTROLS WHAT, ROLE BY ROLE",
        "КТО ЧТО КОНТРОЛИРУЕТ, ПО РОЛЯМ",
        "КІМ НЕНІ БАҚЫЛАЙДЫ, РӨЛДЕР БОЙЫНША",
    ),
    (
        "{body} · largest: {largest} · head of state {share}",
        "{body} · крупнейший: {largest} · глава государства {share}",
        "{body} · ең ірісі: {largest} · мемлекет басшысы {share}",
    ),
    (" · at will", " · по усмотрению", " · өз қалауымен"),
    // The Compare view's row labels, by the indicator's id (short: the column is narrow).
    (
        "cmplabel.head_of_state_concentration",
        "концентрация",
        "шоғырлану",
    ),
    ("cmplabel.picks", " выбор", " таңдау"),
    ("cmplabel.veto_discount", " − вето", " − вето"),
    ("cmplabel.at_will", " + по усмотр.", " + өз қалауымен"),
    (
        "cmplabel.head_of_state_concentration_unified",
        "если выборные его",
        "сайланбалылар оныкі болса",
    ),
    (
        "cmplabel.head_of_state_concentration_aligned",
        "индекс союзов",
        "одақтар индексі",
    ),
    (
        "cmplabel.aligned_hold",
        " удержание союзов",
        " одақтарды ұстау",
    ),
    ("cmplabel.powers_present", " полномочия", " өкілеттіктер"),
    (
        "cmplabel.integrated_control",
        "интегр. контроль",
        "интеграц. бақылау",
    ),
    (
        "cmplabel.independent_roles",
        "незав. роли",
        "тәуелсіз рөлдер",
    ),
    (
        "cmplabel.independent_bodies",
        "незав. органы",
        "тәуелсіз органдар",
    ),
    ("cmplabel.majority", "большинства", "көпшіліктер"),
    ("cmplabel.largest_bloc", "крупнейший блок", "ең ірі блок"),
    (
        "cmplabel.controlled",
        "контролирует (R32)",
        "бақылайды (R32)",
    ),
    (
        "cmplabel.picked_share",
        "места по выбору",
        "таңдайтын орындар",
    ),
    (
        "cmplabel.consented_share",
        " нужно согласие",
        " келісім керек",
    ),
    (
        "cmplabel.independent_removable_at_will",
        "освобождаемые",
        "босатылатындар",
    ),
    ("cmplabel.hhi_by_role", "HHI по ролям", "HHI рөлдер бойынша"),
    (
        "cmplabel.hhi_by_seat",
        "HHI по местам",
        "HHI орындар бойынша",
    ),
    // ── The Bodies detail's account of its range (why) ───────────────────────────────────
    (
        "WHAT DRIVES THE RANGE",
        "ЧТО ОПРЕДЕЛЯЕТ ДИАПАЗОН",
        "АУҚЫМДЫ НЕ АНЫҚТАЙДЫ",
    ),
    (" the ", " ", " "),
    (
        "no single reading, threat option or band end moves it",
        "его не меняет ни одно прочтение, ни параметр угрозы, ни граница полосы",
        "оны ешбір оқылым, қатер параметрі немесе жолақ шегі өзгертпейді",
    ),
    (
        "VOTES AND THREATS",
        "ГОЛОСОВАНИЯ И УГРОЗЫ",
        "ДАУЫС БЕРУ ЖӘНЕ ҚАТЕРЛЕР",
    ),
    (
        " · adds nothing to its own nomination",
        " · ничего не добавляет к собственному выдвижению",
        " · өз ұсынымына ештеңе қоспайды",
    ),
    (
        " · veto strength {strength}{rule}",
        " · сила вето {strength}{rule}",
        " · вето күші {strength}{rule}",
    ),
    (" · advisory", " · совещательно", " · кеңесші"),
    (
        " · picks · a minority's block {strength}{rule}",
        " · выбирает · блокирование меньшинством {strength}{rule}",
        " · таңдайды · азшылықтың бұғаттауы {strength}{rule}",
    ),
    (" · picks", " · выбирает", " · таңдайды"),
    (
        "under threat of dissolution{source}",
        "под угрозой роспуска{source}",
        "тарату қатерімен{source}",
    ),
    // The status line's weights (views/mod.rs).
    (
        "weights changed: ",
        "веса изменены: ",
        "салмақтар өзгертілді: ",
    ),
    // The Bodies detail's text of the law (law.rs).
    (
        "THE TEXT (Constitution, in Russian)",
        "ТЕКСТ (Конституция, на русском языке)",
        "МӘТІН (Конституция, орыс тілінде)",
    ),
    // ── The tour's frame ─────────────────────────────────────────────────────────────────
    (
        "no tour is available",
        "нет доступных экскурсий",
        "қолжетімді шолу жоқ",
    ),
    ("left the tour", "экскурсия завершена", "шолу аяқталды"),
    (
        "tour step: {error}",
        "шаг экскурсии: {error}",
        "шолу қадамы: {error}",
    ),
    (
        "· step {n} of {total} · ←/→ n/p move · Esc leaves ",
        "· шаг {n} из {total} · ←/→ n/p переход · Esc выход ",
        "· {total} қадамның {n}-і · ←/→ n/p ауысу · Esc шығу ",
    ),
    (
        " Tours · Enter starts · Esc closes ",
        " Экскурсии · Enter начать · Esc закрыть ",
        " Шолулар · Enter бастау · Esc жабу ",
    ),
    // ── The sweep chart ──────────────────────────────────────────────────────────────────
    (
        " Sweep · {weight} {from}–{to} · ←/→ another weight · any other key closes ",
        " Перебор · {weight} {from}–{to} · ←/→ другой вес · любая другая клавиша закрывает ",
        " Іріктеу · {weight} {from}–{to} · ←/→ басқа салмақ · кез келген басқа перне жабады ",
    ),
    (
        "No sweep for this body",
        "Для этого органа перебора нет",
        "Бұл орган үшін іріктеу жоқ",
    ),
    ("one half", "половина", "жартысы"),
    (
        "… {n} more (a taller terminal shows them)",
        "… ещё {n} (видны в более высоком терминале)",
        "… тағы {n} (биігірек терминалда көрінеді)",
    ),
    (
        "no principal controls the {body}",
        "ни один принципал не контролирует орган «{body}»",
        "«{body}» органын ешбір принципал бақыламайды",
    ),
    (
        "the {body} is filled by no one: its control does not depend on any weight",
        "орган «{body}» никем не формируется: контроль над ним не зависит ни от одного веса",
        "«{body}» органын ешкім жасақтамайды: оны бақылау ешбір салмаққа тәуелді емес",
    ),
    ("{id} (baseline)", "{id} (исходное)", "{id} (бастапқы)"),
    (
        "the baseline has no such body or principal: no curve",
        "в исходном состоянии нет такого органа или принципала: кривой нет",
        "бастапқы күйде мұндай орган немесе принципал жоқ: қисық жоқ",
    ),
    (
        "{label} has no {role}: no curve",
        "{label}: нет роли «{role}», кривой нет",
        "{label}: «{role}» рөлі жоқ, қисық жоқ",
    ),
    (
        "no dataset in the comparison has a {role}: choose some (Space)",
        "ни в одном наборе сравнения нет роли «{role}»: выберите другие (Space)",
        "салыстырудағы бірде-бір жиында «{role}» рөлі жоқ: басқаларын таңдаңыз (Space)",
    ),
    (
        "the {principal}'s control of the {body}",
        "{principal}: контроль над органом «{body}»",
        "{principal}: «{body}» органын бақылау",
    ),
    (
        "the head of state's control of the {role} body in each state",
        "контроль главы государства над органом роли «{role}» в каждом государстве",
        "әр мемлекетте мемлекет басшысының «{role}» рөліндегі органды бақылауы",
    ),
    (
        "at {weight} {value} ({share})",
        "при {weight} {value} ({share})",
        "{weight} {value} кезінде ({share})",
    ),
    (
        "{label} crosses {other} {at}",
        "{label} пересекает {other} {at}",
        "{label}: {at} {other} қисығын қиып өтеді",
    ),
    (
        "{label} {what} {at}",
        "{label} {what} {at}",
        "{label}: {at} {what}",
    ),
    (
        "breakkind.majority_gained",
        "получает большинство",
        "көпшілікке ие болады",
    ),
    (
        "breakkind.majority_lost",
        "теряет большинство",
        "көпшілікті жоғалтады",
    ),
    (
        "breakkind.largest_gained",
        "становится крупнейшим принципалом",
        "ең ірі принципалға айналады",
    ),
    (
        "breakkind.largest_lost",
        "перестаёт быть крупнейшим принципалом",
        "ең ірі принципал болудан қалады",
    ),
    (
        "no breakpoint: no curve crosses another, one half or the next principal between {weight} {from} and {to}",
        "переломов нет: ни одна кривая не пересекает другую, половину или следующего принципала при {weight} от {from} до {to}",
        "бұрылыс нүктесі жоқ: {weight} {from} мен {to} аралығында ешбір қисық басқасын, жартысын немесе келесі принципалды қиып өтпейді",
    ),
    (
        "{weight} in force: {value} · other weights and the threat option as in force",
        "действующий {weight}: {value} · прочие веса и параметр угрозы как действуют",
        "қолданыстағы {weight}: {value} · басқа салмақтар мен қатер параметрі қолданыстағыдай",
    ),
    // ── The comparison's figure (`compare --format svg|png|pdf`) ───────────────────────────
    (
        "The head of state's hold on the bodies meant to be independent",
        "Удержание главой государства органов, которые должны быть независимыми",
        "Мемлекет басшысының тәуелсіз болуға тиіс органдарды ұстап тұруы",
    ),
    (
        "Dot: the value under the weights in force ({weights}). Bar: its range over each dataset's contested codings, the at-will threat option and the band {band} (every combination analysed; no bar where the value does not move or the combinations are too many). Dashed line: one half.",
        "Точка: значение при действующих весах ({weights}). Полоса: его диапазон по спорным кодировкам каждого набора данных, параметру угрозы освобождения по усмотрению и полосе {band} (проанализирована каждая комбинация; полосы нет, где значение не меняется или комбинаций слишком много). Пунктир: половина.",
        "Нүкте: қолданыстағы салмақтар кезіндегі мән ({weights}). Жолақ: оның әр деректер жиынының даулы кодтаулары, өз қалауымен босату қатерінің параметрі және {band} жолағы бойынша ауқымы (әр комбинация талданды; мән өзгермейтін немесе комбинациялар тым көп жерде жолақ жоқ). Үзік сызық: жартысы.",
    ),
    (
        "Concentration index, 0–1",
        "Индекс концентрации, 0–1",
        "Шоғырлану индексі, 0–1",
    ),
    (
        "Integrated control, mean",
        "Интегрированный контроль, среднее",
        "Интеграцияланған бақылау, орташа",
    ),
    (
        "Seats he picks, mean",
        "Места по его выбору, среднее",
        "Ол таңдайтын орындар, орташа",
    ),
    (
        "A. The indicators, as means over the independent roles",
        "A. Показатели, средние по независимым ролям",
        "A. Көрсеткіштер, тәуелсіз рөлдер бойынша орташа",
    ),
    (
        "B. His hold on each independent role (A's concentration index is their mean)",
        "B. Удержание им каждой независимой роли (индекс концентрации в A — их среднее)",
        "B. Оның әр тәуелсіз рөлді ұстап тұруы (A-дағы шоғырлану индексі — олардың орташасы)",
    ),
    ("the value", "значение", "мән"),
    (
        "{title}; law as of {date}; head of state: {head}",
        "{title}; право по состоянию на {date}; глава государства: {head}",
        "{title}; {date} жағдай бойынша құқық; мемлекет басшысы: {head}",
    ),
    ("its range", "его диапазон", "оның ауқымы"),
    (
        "one half (a majority)",
        "половина (большинство)",
        "жартысы (көпшілік)",
    ),
    (
        "none: no body of that role",
        "нет: органа этой роли нет",
        "жоқ: бұл рөлдің органы жоқ",
    ),
    // ── The diff's figure (`diff --format svg|png|pdf`) ──────────────────────────────────
    (
        "What {reforms} change in {dataset}",
        "Что меняют {reforms} в {dataset}",
        "{reforms} {dataset} ішінде нені өзгертеді",
    ),
    ("the reforms", "реформы", "реформалар"),
    (
        "A. How much of the {body} does the {principal} control?",
        "A. Какую долю органа «{body}» контролирует {principal}?",
        "A. «{body}» органының қандай үлесін {principal} бақылайды?",
    ),
    (
        "no such body or principal",
        "нет такого органа или принципала",
        "мұндай орган немесе принципал жоқ",
    ),
    ("directly", "напрямую", "тікелей"),
    (
        "through the {body}",
        "через орган «{body}»",
        "«{body}» арқылы",
    ),
    (
        "B. Integrated control that moved by half a point or more, before → after",
        "B. Интегрированный контроль, изменившийся на полпункта и более, до → после",
        "B. Жарты пункт немесе одан көп өзгерген интеграцияланған бақылау, бұрын → кейін",
    ),
    (
        " (channel {channel})",
        " (канал {channel})",
        " ({channel} арнасы)",
    ),
    (
        "C. Edges added (+) and removed (−): roles in filling a body, and powers",
        "C. Добавленные (+) и удалённые (−) связи: роли в формировании органов и полномочия",
        "C. Қосылған (+) және алынған (−) байланыстар: органдарды жасақтаудағы рөлдер және өкілеттіктер",
    ),
    // ── The graph's figure (`export --format svg|png|pdf`) ───────────────────────────────
    (
        "removed by reform",
        "упразднён реформой",
        "реформамен жойылды",
    ),
    ("root principal", "исходный принципал", "бастапқы принципал"),
    ("new", "новый", "жаңа"),
    (
        "{id} · {jurisdiction} · law as of {date} · reforms: {reforms} · weights: {weights}",
        "{id} · {jurisdiction} · право по состоянию на {date} · реформы: {reforms} · веса: {weights}",
        "{id} · {jurisdiction} · {date} жағдай бойынша құқық · реформалар: {reforms} · салмақтар: {weights}",
    ),
    (
        "Headline: the {principal} controls {share} of the {body} (picks {picked} of its {seats} seats)",
        "Главный вопрос: {principal} контролирует {share} органа «{body}» (выбирает кандидатов на {picked} из {seats} {seats:места|мест|мест})",
        "Басты сұрақ: {principal} «{body}» органының {share} бақылайды (оның {seats} орнының {picked} орнына кандидат таңдайды)",
    ),
    (
        "; {share} before the reforms",
        "; {share} до реформ",
        "; реформаларға дейін {share}",
    ),
    (
        "fill: the principal with the largest share (paler = smaller)",
        "заливка: принципал с наибольшей долей (бледнее = меньше)",
        "бояу: үлесі ең ірі принципал (бозарақ = азырақ)",
    ),
    (
        "bar: integrated control by principal, the shares on it (hatched for print)",
        "полоса: интегрированный контроль по принципалам, доли на ней (со штриховкой для печати)",
        "жолақ: принципалдар бойынша интеграцияланған бақылау, үлестер оның үстінде (басып шығару үшін штрихталған)",
    ),
    (
        "double border: a principal",
        "двойная рамка: принципал",
        "қос жиек: принципал",
    ),
    (
        "nominates, appoints or elects (label: seats)",
        "представляет, назначает или избирает (подпись: места)",
        "ұсынады, тағайындайды немесе сайлайды (белгі: орындар)",
    ),
    (
        "recommends (label: seats)",
        "рекомендует (подпись: места)",
        "ұсыным береді (белгі: орындар)",
    ),
    (
        "consents or shortlists: a veto point (label: seats)",
        "даёт согласие или составляет список: точка вето (подпись: места)",
        "келісім береді немесе тізім жасайды: вето нүктесі (белгі: орындар)",
    ),
    (
        "dismisses at will",
        "освобождает от должности по усмотрению",
        "өз қалауымен қызметтен босатады",
    ),
    (
        "dismisses for cause, impeaches",
        "освобождает от должности по основаниям, отрешает",
        "негіздер бойынша қызметтен босатады, қызметтен кетіреді",
    ),
    ("dissolves", "распускает", "таратады"),
    (
        "holds to account, audits, reviews, no confidence",
        "заслушивает отчёты, проводит аудит, проверяет, выражает недоверие",
        "есеп тыңдайды, аудит жүргізеді, тексереді, сенімсіздік білдіреді",
    ),
    (
        "petitions, vetoes, overrides, directs",
        "обращается, налагает вето, преодолевает вето, руководит",
        "өтініш жасайды, вето қояды, ветоны еңсереді, басшылық етеді",
    ),
    (
        "one arrow per pair of bodies, in the style of its first kind;",
        "одна стрелка на пару органов, в стиле её первого вида;",
        "әр орган жұбына бір көрсеткі, бірінші түрінің стилінде;",
    ),
    (
        "its label: seats filled / the body's seats, then the other powers",
        "подпись: заполняемые места / места органа, затем прочие полномочия",
        "белгісі: толтырылатын орындар / органның орындары, одан кейін басқа өкілеттіктер",
    ),
    ("Arrows", "Стрелки", "Көрсеткілер"),
    ("Reforms", "Реформы", "Реформалар"),
    ("added by reform", "добавлен реформой", "реформамен қосылды"),
    (
        "changed by reform",
        "изменён реформой",
        "реформамен өзгертілді",
    ),
    (
        "changed by reform (seats, channels or attributes)",
        "изменён реформой (места, каналы или признаки)",
        "реформамен өзгерді (орындар, арналар немесе белгілер)",
    ),
    (
        "{title} ({id}, reforms: {reforms})",
        "{title} ({id}, реформы: {reforms})",
        "{title} ({id}, реформалар: {reforms})",
    ),
    (
        "recommends {seats}",
        "рекомендация {seats}",
        "ұсыным {seats}",
    ),
    ("consents {seats}", "согласие {seats}", "келісім {seats}"),
    // ── `bilik sweep` (text and SVG) ─────────────────────────────────────────────────────
    (
        "at {weight} = {value} (control {share})",
        "при {weight} = {value} (контроль {share})",
        "{weight} = {value} кезінде (бақылау {share})",
    ),
    (
        "{label}: the {principal} {what} {at}",
        "{label}: {principal} {what} {at}",
        "{label}: {at} {principal} {what}",
    ),
    (
        "SWEEP: the {principal}'s integrated control of the {body} as the weight {weight} runs from {from} to {to}",
        "ПЕРЕБОР: интегрированный контроль, который {principal} имеет над органом «{body}», при весе {weight} от {from} до {to}",
        "ІРІКТЕУ: {weight} салмағы {from}-ден {to}-ге дейін өзгергенде {principal} «{body}» органын интеграцияланған бақылауы",
    ),
    (
        "{n} {n:grid point|grid points} per series; breakpoints found by bisection to 1e-6",
        "{n} {n:точка|точки|точек} сетки на ряд; переломы найдены делением пополам до 1e-6",
        "әр қатарға торның {n} нүктесі; бұрылыс нүктелері 1e-6 дәлдікпен қақ бөлу арқылы табылды",
    ),
    (
        "BREAKPOINTS ({n})",
        "ПЕРЕЛОМЫ ({n})",
        "БҰРЫЛЫС НҮКТЕЛЕРІ ({n})",
    ),
    (
        "none: no series crosses another, one half, or the next principal in this range",
        "нет: в этом диапазоне ни один ряд не пересекает другой, половину или следующего принципала",
        "жоқ: бұл ауқымда ешбір қатар басқасын, жартысын немесе келесі принципалды қиып өтпейді",
    ),
    (
        "The {principal}'s integrated control of the {body} as {weight} varies",
        "{principal}: интегрированный контроль над органом «{body}» при изменении {weight}",
        "{principal}: {weight} өзгергенде «{body}» органын интеграцияланған бақылау",
    ),
    (
        "one half: a majority above",
        "половина: выше — большинство",
        "жартысы: одан жоғары — көпшілік",
    ),
    ("weight: {weight}", "вес: {weight}", "салмақ: {weight}"),
    // ── The comparison as Markdown (`compare --format md`) ───────────────────────────────
    (
        "Comparing states",
        "Сравнение государств",
        "Мемлекеттерді салыстыру",
    ),
    ("Indicators", "Показатели", "Көрсеткіштер"),
    ("indicator", "показатель", "көрсеткіш"),
    ("role", "роль", "рөл"),
    (
        "The head of state's hold on each independent role",
        "Удержание каждой независимой роли главой государства",
        "Мемлекет басшысының әр тәуелсіз рөлді ұстап тұруы",
    ),
    (
        "The head of state's integrated control of each independent role",
        "Интегрированный контроль главы государства над каждой независимой ролью",
        "Мемлекет басшысының әр тәуелсіз рөлді интеграцияланған бақылауы",
    ),
    (
        "Veto points on his picks for independent bodies",
        "Точки вето при его выборе в независимые органы",
        "Оның тәуелсіз органдарға таңдауындағы вето нүктелері",
    ),
    (
        "Independent bodies he can dismiss at will",
        "Независимые органы, членов которых он может освободить по усмотрению",
        "Ол мүшелерін өз қалауымен босата алатын тәуелсіз органдар",
    ),
    ("Role by role", "По ролям", "Рөлдер бойынша"),
    (
        "Each cell: the body (seats), its largest principal, and the head of state's integrated control / hold; *at will* when he can dismiss some of its seats at will.",
        "В каждой ячейке: орган (места), его крупнейший принципал и интегрированный контроль / удержание главы государства; *по усмотрению*, если он может освободить по усмотрению часть его членов.",
        "Әр ұяшықта: орган (орындар), оның ең ірі принципалы және мемлекет басшысының интеграцияланған бақылауы / ұстап тұруы; ол мүшелерінің бір бөлігін өз қалауымен босата алса — *өз қалауымен*.",
    ),
    (
        "Timeline: {jurisdiction}, {datasets}",
        "Хронология: {jurisdiction}, {datasets}",
        "Хронология: {jurisdiction}, {datasets}",
    ),
    (
        "The head of state's hold (integrated control in brackets).",
        "Удержание главой государства (в скобках интегрированный контроль).",
        "Мемлекет басшысының ұстап тұруы (жақшада интеграцияланған бақылау).",
    ),
    (
        "Why: {from} → {to}",
        "Почему: {from} → {to}",
        "Неліктен: {from} → {to}",
    ),
    (
        "{hold} {held_before} → {held_after}; integrated control {before} → {after}.",
        "{hold} {held_before} → {held_after}; интегрированный контроль {before} → {after}.",
        "{hold} {held_before} → {held_after}; интеграцияланған бақылау {before} → {after}.",
    ),
    (
        "No channel or consent changed.",
        "Ни канал, ни согласие не изменились.",
        "Арна да, келісім де өзгермеді.",
    ),
    // ── The tour as Markdown (`tour --export md`) ────────────────────────────────────────
    (
        "A guided tour of bilik ({id}), {n} steps. Each step gives the head of state's integrated control of the selected body, with its range over the contested codings, the at-will threat option and the consent band 0.5–2; control by majority closure; and the flags on the body.",
        "Экскурсия по bilik ({id}), {n} {n:шаг|шага|шагов}. Для каждого шага приводятся интегрированный контроль главы государства над выбранным органом с диапазоном по спорным кодировкам, с угрозой роспуска по усмотрению и без неё и по полосе согласия 0.5–2; контроль большинства по замыканию; и сигналы по органу.",
        "bilik бойынша шолу ({id}), {n} қадам. Әр қадамда мемлекет басшысының таңдалған органды интеграцияланған бақылауы даулы кодтаулар, өз қалауымен тарату қатері бар және жоқ жағдай және 0.5–2 келісім жолағы бойынша ауқымымен; тұйықталу бойынша көпшілік бақылауы; және орган бойынша белгілер беріледі.",
    ),
    (
        "Step {k} of {n}: {dataset} · {body}",
        "Шаг {k} из {n}: {dataset} · {body}",
        "{n} қадамның {k}-і: {dataset} · {body}",
    ),
    (
        "none (the baseline)",
        "нет (исходное состояние)",
        "жоқ (бастапқы күй)",
    ),
    (
        "the dataset's",
        "как в наборе данных",
        "деректер жинағындағыдай",
    ),
    (
        "State: dataset {dataset}, reforms {reforms}, layer {layer}, weights {weights}, view {view}",
        "Состояние: набор данных {dataset}; реформы: {reforms}; слой: {layer}; веса: {weights}; вид «{view}»",
        "Күй: деректер жинағы {dataset}; реформалар: {reforms}; қабат: {layer}; салмақтар: {weights}; «{view}» көрінісі",
    ),
    (
        "Control of the {body} by the {head}: {control}",
        "Контроль над органом «{body}»: {head} — {control}",
        "«{body}» органын бақылау: {head} — {control}",
    ),
    (
        "The dataset has no head of state",
        "В наборе данных нет главы государства",
        "Деректер жинағында мемлекет басшысы жоқ",
    ),
    (
        "Controlled by majority closure: {by}",
        "Контроль большинства по замыканию: {by}",
        "Тұйықталу бойынша көпшілік бақылауы: {by}",
    ),
    ("no principal", "ни один принципал", "ешбір принципал"),
    ("Flags: none", "Сигналы: нет", "Белгілер: жоқ"),
    ("Flags:", "Сигналы:", "Белгілер:"),
    // ── `bilik datasets`, `bilik reforms`, `bilik tour` ──────────────────────────────────
    (
        "{title} (law as of {date})",
        "{title} (право по состоянию на {date})",
        "{title} ({date} жағдай бойынша құқық)",
    ),
    (
        "No reform presets apply to dataset {dataset}. Load a preset file with --reforms FILE.",
        "К набору данных {dataset} не относится ни одна реформа. Загрузите файл реформ через --reforms FILE.",
        "{dataset} деректер жинағына бірде-бір реформа қолданылмайды. Реформалар файлын --reforms FILE арқылы жүктеңіз.",
    ),
    (
        "Reform presets for {dataset}, from {path}, in the order they apply:",
        "Реформы для {dataset} из {path} в порядке их применения:",
        "{dataset} үшін реформалар, {path} файлынан, қолданылу ретімен:",
    ),
    (
        "Apply them with --reform ID,... (on summary and export); see their effect with `bilik diff --reform ID,...`.",
        "Применяются через --reform ID,... (в summary и export); их действие показывает `bilik diff --reform ID,...`.",
        "--reform ID,... арқылы қолданылады (summary және export командаларында); олардың әсерін `bilik diff --reform ID,...` көрсетеді.",
    ),
    ("{n} steps", "{n} {n:шаг|шага|шагов}", "{n} қадам"),
    (
        "bilik tour ID --export md renders one; `t` plays one in the explorer.",
        "bilik tour ID --export md выводит экскурсию; `t` проводит её в интерактивном режиме.",
        "bilik tour ID --export md шолуды шығарады; `t` оны интерактивті режимде ойнатады.",
    ),
    // ── `bilik sources` ──────────────────────────────────────────────────────────────────
    (
        "Sources of {id} ({title})",
        "Источники {id} ({title})",
        "{id} дереккөздері ({title})",
    ),
    (
        "cited by: nothing coded names it by its id",
        "цитируется: ни один закодированный элемент не называет его по идентификатору",
        "сілтеме: ешбір кодталған элемент оны идентификаторы бойынша атамайды",
    ),
    (
        "cited by {n}: {list}",
        "цитируется ({n}): {list}",
        "сілтеме жасалған ({n}): {list}",
    ),
    (
        "References: {title}",
        "Источники: {title}",
        "Дереккөздер: {title}",
    ),
    (
        "Cited by {n} elements.",
        "Цитируется элементами: {n}.",
        "Сілтеме жасаған элементтер: {n}.",
    ),
    (
        " (de facto layer)",
        " (фактический слой)",
        " (іс жүзіндегі қабат)",
    ),
    ("element.body", "орган", "орган"),
    ("element.channel", "канал", "арна"),
    ("element.edge", "связь", "байланыс"),
    ("element.attribute", "признак", "белгі"),
    ("element.bloc", "блок", "блок"),
    // bilik diff --format md
    ("No reform", "Без реформ", "Реформасыз"),
    (
        "{what} against the baseline `{id}`",
        "{what}: сравнение с базовым состоянием `{id}`",
        "{what}: базалық жағдаймен `{id}` салыстыру",
    ),
    (
        "{title}, law as of {date}.",
        "{title}, право по состоянию на {date}.",
        "{title}, {date} жағдай бойынша құқық.",
    ),
    (
        "No reform is active: the reformed state is the baseline.",
        "Ни одна реформа не включена: реформированное состояние совпадает с базовым.",
        "Бірде-бір реформа қосылмаған: реформаланған жағдай базалықпен бірдей.",
    ),
    (
        "Reforms, in the order applied",
        "Реформы в порядке применения",
        "Қолданылу ретімен реформалар",
    ),
    (
        "Headline: {title}",
        "Главный вопрос: {title}",
        "Басты сұрақ: {title}",
    ),
    ("control before", "контроль до", "бұрынғы бақылау"),
    (
        "Flags raised ({n})",
        "Новые сигналы ({n})",
        "Жаңа белгілер ({n})",
    ),
    (
        "Flags cleared ({n})",
        "Снятые сигналы ({n})",
        "Алынған белгілер ({n})",
    ),
    (
        "Powers added ({n})",
        "Добавленные полномочия ({n})",
        "Қосылған өкілеттіктер ({n})",
    ),
    (
        "Powers removed ({n})",
        "Удалённые полномочия ({n})",
        "Алынған өкілеттіктер ({n})",
    ),
    (
        "independent seats",
        "места независимых органов",
        "тәуелсіз органдар орындары",
    ),
    (
        "System HHI over independent bodies' seats: {before} → {after}.",
        "HHI системы по местам независимых органов: {before} → {after}.",
        "Тәуелсіз органдар орындары бойынша жүйенің HHI: {before} → {after}.",
    ),
    ("proposal {n}", "предложение {n}", "{n}-ұсыныс"),
];
