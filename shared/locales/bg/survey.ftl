# Bulgarian: the staff survey: questionnaire, opening, codes, results.
# Every id starts with "survey-"; shared/src/i18n.rs says how the catalogue works.

## Shared by the survey pages: the year picker and the results
survey-year = { $year } г.
survey-year-label = Година
survey-title = Анонимна анкета
survey-yes = да
survey-no = не
survey-csv-question = Въпрос
survey-csv-share = Дял, %
survey-col-answer = Отговор
survey-col-count = Брой
survey-col-share = Дял
survey-col-percent = Процент
survey-insufficient = Недостатъчно отговори: { $respondents } от нужните поне { $min }. Резултатите се показват едва когато { $min ->
    [one] отговори поне { $min } човек
   *[other] отговорят поне { $min } души
}, за да не може отговор да бъде свързан с човек.
survey-question-heading = { $number }. { $question } (отговорили: { $answered })
survey-percent = { $share } %
survey-texts-none = Няма свободни отговори.
survey-texts-hidden = Свободните отговори виждат само служителите на институцията; в обобщените резултати те не влизат.
survey-respondents = Отговорили: { $count }.
survey-results-caption = Отговори по въпроси

## The institution's survey (/survey)
survey-questionnaire-link = Въпросникът на областта
survey-region-link = Анкетите на всички институции
survey-heading = Анонимна анкета сред служителите
survey-lead = Ежегодната анонимна анкета за корупционния риск (мярка VI.2 от плана): областната администрация публикува въпросника, институцията отваря анкетата и раздава еднократни кодове, а служителите отговарят с тях на страницата „Анкета за служители“ без вход в системата. Антикор не пази кодовете и не знае кой кой код е получил.
survey-results-heading = Резултати
survey-questionnaire-unpublished = още не е публикуван от областната администрация
survey-questionnaire-value = „{ $title }“, версия { $version }
survey-not-opened = не е отворена
survey-closed-on = приключила на { $date } г. (по версия { $version } на въпросника)
survey-open-until = отворена до { $date } г. (по версия { $version } на въпросника)
survey-no-questionnaire = Областната администрация още не е публикувала въпросника за { $year } г.: анкетата се отваря след това.
survey-field-questionnaire = Въпросник
survey-field-survey = Анкета
survey-field-issued = Раздадени кодове
survey-field-answered = Получени отговори
survey-closes-on-what = последния ден за отговори
survey-open-heading = Отваряне на анкетата
survey-open-note = Анкетата се отваря по най-новата версия на въпросника на областта. Отговори се приемат до избрания ден включително.
survey-closes-on-label = Последен ден за отговори
survey-closes-on-help = Във вида { shell-date-format }, от днес до края на следващата година.
survey-open-submit = Отвори анкетата
survey-issue-count-invalid = Въведете брой кодове от 1 до { $max }.
survey-issue-saved = { $count ->
    [one] Издаден е { $count } код: вижте списъка по-долу.
   *[other] Издадени са { $count } кода: вижте списъка по-долу.
}
survey-issue-heading = Кодове за достъп
survey-issue-note = Всеки код дава право на един отговор. Кодовете се показват само веднъж, веднага след издаването: отпечатайте ги, разрежете листа и ги раздайте на случаен принцип, например като всеки изтегли от плик. Не водете списък кой кой код е получил.
survey-code-count-label = Брой кодове
survey-code-count-help = От 1 до { $max }: по един за всеки служител, който ще получи покана.
survey-issue-submit = Издай кодовете
survey-slip-title = Анонимна анкета за корупционния риск, { $year } г.
survey-slip-answer-at = Отговорете на адрес
survey-codes-heading = Издадени кодове
survey-codes-once = Кодовете се показват само сега.
survey-codes-not-kept = Антикор не ги пази и не може да ги покаже отново: отпечатайте ги, преди да напуснете страницата.
survey-codes-hand-out = Раздайте ги на случаен принцип и не записвайте кой кой код е получил: така отговорите остават анонимни.
survey-codes-print = Отпечатай кодовете

## The questionnaire (/survey/questionnaire)
survey-reloaded = Номерът на публикуваната версия по-горе е презареден; въведеното във формуляра е запазено.
survey-kind-yes-no = Да / Не / Не мога да преценя
survey-kind-scale = Скала от 1 до 5
survey-kind-choice = Избор между възможни отговори
survey-kind-text = Свободен текст
survey-question-text-missing = Въведете текста на въпрос { $number }.
survey-question-options-missing = Въпрос { $number } е с избор: въведете поне два възможни отговора, всеки на отделен ред.
survey-questionnaire-title = Въпросник на анкетата
survey-questionnaire-lead = Въпросникът на областта за годината. Публикуваната версия не се променя: всяка промяна е нова версия, а институциите, които вече са отворили анкетата, остават на своята.
survey-title-missing = Въведете заглавие на анкетата.
survey-threshold-invalid = Прагът за показване на резултати е цяло число, поне { $min }.
survey-questions-missing = Добавете поне един въпрос.
survey-published = Публикувана е версия { $version } на въпросника.
survey-published-version = Публикувана версия: { $version } („{ $title }“, { $count ->
    [one] { $count } въпрос
   *[other] { $count } въпроса
}).
survey-no-published = За { $year } г. още няма публикуван въпросник. По-долу е примерният въпросник, който може да промените преди публикуването.
survey-publish-submit = Публикувай версия { $version }
survey-new-version = Нова версия
survey-title-label = Заглавие
survey-threshold-label = Праг за показване на резултати
survey-threshold-help = { $min ->
    [one] Поне { $min } отговор
   *[other] Поне { $min } отговора
}: при по-малко резултатите не се показват.
survey-intro-label = Въведение към анкетата
survey-add-question = Добави въпрос
survey-question-legend = Въпрос { $number }
survey-question-text-label = Текст на въпроса
survey-question-kind-label = Вид отговор
survey-question-options-label = Възможни отговори
survey-question-options-help = Всеки на отделен ред: от 2 до 10 различни.
survey-question-remove = Премахни въпрос { $number }

## The institutions' surveys (/region/survey)
survey-region-insufficient = недостатъчно отговори
survey-region-title = Анкетите на институциите
survey-region-heading = Анонимните анкети на институциите
survey-region-lead = Анкетите на служителите за годината (мярка VI.2): коя институция е отворила анкетата и колко са отговорили. Резултатите на институция се показват и влизат в общите само когато са отговорили поне толкова, колкото изисква прагът; свободните отговори не се обобщават.
survey-region-col-institution = Институция
survey-region-col-opened = Отворена
survey-region-col-respondents = Отговорили
survey-region-caption = Анкетите на институциите, { $year } г.
survey-region-combined-heading = Общи резултати
survey-region-combined-note = Сбор от институциите, чиито собствени резултати се показват.
