# Bulgarian: the annual report's tables, captions and texts as the report page and the API show them.
# Every id starts with "report-"; shared/src/i18n.rs says how the catalogue works.

## A measure's terms ($deadline, $responsible, $indicator: texts of the plan)
report-measure-terms = Срок: { $deadline } · Отговорник: { $responsible } · Индикатор: { $indicator }
report-measure-withdrawn = Оттеглена: { $reason }

## Column names shared by several tables
report-column-institution = Институция
report-column-date = Дата
report-column-kind = Вид
report-column-topic = Тема
report-column-participants = Участници
report-column-measures = Мерки

## The institutions' table ($year: a text)
report-institutions-caption = Изпълнение и дейности по институции, { $year } г.
report-column-not-reported = Без отчет
report-column-overdue = Просрочени

## The measures' table ($year: a text)
report-measures-caption = Мерките на плана за { $year } г. по институции
report-column-section = Раздел
report-column-measure = Мярка
report-column-text = Текст
report-column-deadline = Срок
report-column-level = Степен
report-column-what-was-done = Какво е направено
report-column-evidence = Доказателства
report-column-as-of = Към дата

## The activities' tables ($kind: the kind's name; $year: a text; $shown, $total: numbers)
report-activities-caption = { $kind }, { $year } г.
report-activities-caption-latest = { $kind }, { $year } г.: последните { $shown } от { $total }
report-column-decisions = Решения
report-column-channel = Медия или канал
report-column-content = Съдържание
report-column-period = Период
report-column-checking-body = Проверяващ орган
report-column-declarations-checked = Проверени декларации
report-column-irregularities-found = Установени нарушения
report-column-referrals = Сигнали до компетентен орган
report-column-act = Акт
report-column-municipality = Община
report-column-action = Действие
report-column-grounds = Основания
report-column-outcome = Резултат

## A contested act ($kind, $action: labels; $number, $revote, $case, $outcome: texts; $date: dd.mm.yyyy)
report-act = { $kind } № { $number } от { $date }
report-act-action = { $action } на { $date }
report-act-revote = Ново обсъждане: { $revote }
report-act-court-case = Дело { $case }
report-act-court-outcome = Решение на съда: { $outcome }
report-act-case-pending = Делото не е приключило
report-act-awaited = Очаква се

## The risk registers' table ($year: a text)
report-risks-caption = Регистри на корупционните рискове за { $year } г. (мярка VI.1): отворени рискове по остатъчно ниво
report-risks-no-register = Няма регистър
report-column-risks-open = Отворени
report-column-risks-high = Висок
report-column-risks-medium = Среден
report-column-risks-low = Нисък
report-column-risks-unassessed = Неоценени
report-column-risks-untreated = Без мерки
report-column-risks-overdue-reviews = Просрочени прегледи
report-column-risks-closed = Закрити

## The signals' tables ($year: a text; $total, $done, $due: counts as the statistics show them; $rate: a number)
report-signals-caption = Сигнали за корупция, получени през { $year } г. (общо { $total }; броеве под 3 не се показват)
report-cells-of = { $done } от { $due }
report-rate = { $rate } %
report-column-received = Получени
report-column-acknowledged-in-time = Потвърдени в 7-дневния срок
report-column-on-time-rate = % в срок
report-column-feedback-in-time = Обратна информация в 3-месечния срок
report-categories-caption = Сигнали по категория, { $year } г.
report-column-category = Категория
report-column-count = Брой
