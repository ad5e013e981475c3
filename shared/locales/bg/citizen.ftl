# Bulgarian: what citizens use: filing a signal, tracking it with the receipt code, the public signal statistics, answering the staff survey.
# Every id starts with "citizen-"; shared/src/i18n.rs says how the catalogue works.

## Shared by the citizen's pages
citizen-choose = Изберете…
citizen-year = { $year } г.
citizen-date = { $date } г.
citizen-how-to-report = Как да подадете сигнал
citizen-how-to-report-quoted = „Как да подадете сигнал“
citizen-reference = Номер на сигнала
citizen-receipt-code = Код за проследяване

## Filing a report
citizen-report-title = Подаване на сигнал
citizen-report-heading = Подаване на сигнал за корупция
citizen-report-wait-for-files = Изчакайте файловете да се прочетат.
citizen-report-no-institution = Изберете институцията, до която подавате сигнала.
citizen-report-reload = Зареди отново
citizen-report-institution = До коя институция е сигналът
citizen-report-submit = Изпрати сигнала
citizen-report-already-filed = Вече сте подали сигнал?
citizen-report-track-link = Проследете го с номера и кода си
citizen-report-anonymous = Можете да подадете сигнала анонимно.
citizen-report-anonymous-how = Тогава не въвеждайте име и данни за връзка. След изпращането получавате номер и код, с които проследявате сигнала и четете отговорите на институцията, без да разкривате кои сте.
citizen-report-who-sees = Ако посочите име, то, данните ви за връзка, засегнатото лице, описанието и приложенията се съхраняват криптирани. Виждат ги само определените служители на институцията, до която е сигналът; всяко отваряне на самоличността ви се записва. Областната администрация и обществото виждат само обобщена статистика.
citizen-report-deadlines = Сигналите по Закона за защита на лицата, подаващи сигнали или публично оповестяващи информация за нарушения, се потвърждават до 7 дни, а обратна информация се дава до 3 месеца от потвърждението. Анонимните сигнали се регистрират, но законът може да не изисква проверка по тях. Повече за начините и гаранциите:

## The receipt of a filed report
citizen-receipt-copy-text =
    Сигнал № { $reference }
    Код за проследяване: { $code }
citizen-receipt-heading = Сигналът е изпратен
citizen-receipt-write-down = Запишете номера и кода сега.
citizen-receipt-shown-once = Кодът се показва само веднъж. Институцията не го знае и не може да го възстанови: без него няма да можете да проследите сигнала и да прочетете отговорите.
citizen-receipt-copy = Копирай номера и кода
citizen-receipt-copy-failed = Копирането не успя; препишете номера и кода.
citizen-receipt-acknowledgment-due = Получаването на сигнала трябва да бъде потвърдено до { $date } г.
citizen-receipt-track = Проследяване на сигнала

## Attachments to a report
citizen-attachments-too-many = { $count ->
    [one] Може да приложите до { $count } файл.
   *[other] Може да приложите до { $count } файла.
}
citizen-attachments-wrong-type = „{ $name }“: приемат се само PDF, JPEG, PNG и текстови файлове.
citizen-attachments-unreadable = „{ $name }“ не може да бъде прочетен.
citizen-attachments-remove = Премахни
citizen-attachments-legend = Приложения (по желание)
citizen-attachments-choose = Изберете файлове…
citizen-attachments-help = { $count ->
    [one] До { $count } файл (PDF, JPEG, PNG или текст), до { $size } MB. Файловете се съхраняват криптирани.
   *[other] До { $count } файла (PDF, JPEG, PNG или текст), всеки до { $size } MB. Файловете се съхраняват криптирани.
}
citizen-attachments-reading = Файловете се прочитат…

## Tracking a report
citizen-track-title = Проследяване на сигнал
citizen-track-kind-acknowledgment = Потвърждение за получаване
citizen-track-kind-officer = Съобщение от институцията
citizen-track-kind-feedback = Обратна информация
citizen-track-kind-reporter = Вашето съобщение
citizen-track-missing = Въведете номера на сигнала и кода.
citizen-track-not-found = Няма сигнал с този номер и код. Проверете ги и опитайте отново.
citizen-track-close = Затвори сигнала на този екран
citizen-track-lead = Въведете номера на сигнала и кода, които получихте при подаването му. Така виждате докъде е стигнала проверката и какво ви пише институцията, без да разкривате кои сте.
citizen-track-submit = Покажи сигнала
citizen-track-no-code = Нямате код? Кодът се показва само при подаването и не може да бъде възстановен.
citizen-track-file-new = Подайте нов сигнал
citizen-track-contact = или се обърнете към институцията по начините от страницата
citizen-track-reply-missing = Напишете съобщението си.
citizen-track-reply-sent = Съобщението е изпратено.
citizen-track-closed = Приключен
citizen-track-closed-on = { $date } г. — { $outcome }
citizen-track-number = Номер
citizen-track-institution = Институция
citizen-track-received = Получен
citizen-track-status = Състояние
citizen-track-acknowledged = Получаването потвърдено
citizen-track-not-yet = Още не
citizen-track-no-messages = Все още няма съобщения.
citizen-track-text-destroyed = Текстът е унищожен след изтичане на срока за съхранение.
citizen-track-case-heading = Вашият сигнал
citizen-track-messages = Съобщения
citizen-track-case-closed = Сигналът е приключен; не можете да добавяте съобщения.
citizen-track-reply = Отговор или допълнителна информация
citizen-track-reply-submit = Изпрати
citizen-track-feedback = Обратна информация
citizen-track-feedback-given = дадена на { $at }
citizen-track-feedback-due = Обратна информация до

## Signal statistics
citizen-statistics-title = Статистика на сигналите
citizen-statistics-heading = Статистика на сигналите за корупция
citizen-statistics-lead = Сигналите до институциите в Антикор, само като брой. Регистърът на сигналите не е публичен; брой под 3 се показва като „< 3“, за да не може да бъде разпознат отделен случай, а „скрито“ стои там, където числото заедно с общия брой би издало такъв малък брой. Звената и дейностите са само от списъците на институциите; всичко друго е „Друго / непосочено“.
citizen-statistics-year = Година на получаване
citizen-statistics-all-years = Всички години
citizen-statistics-period-all = всички години
citizen-statistics-total = Сигнали, { $period }
citizen-statistics-compliance = { $done } от { $due }
citizen-statistics-compliance-share = { $done } от { $due } ({ $rate } %)
citizen-statistics-obliged-yes = да
citizen-statistics-obliged-no = не
citizen-statistics-obliged-unknown = не е записано
citizen-statistics-by-category = По вид
citizen-statistics-category = Вид
citizen-statistics-by-status = По състояние
citizen-statistics-status = Състояние
citizen-statistics-by-regime = По режим
citizen-statistics-regime = Режим
citizen-statistics-by-channel = По канал
citizen-statistics-channel = Канал
citizen-statistics-by-unit = По звено
citizen-statistics-unit = Звено
citizen-statistics-by-activity = По дейност
citizen-statistics-activity = Дейност
citizen-statistics-by-quarter = По тримесечие на получаване
citizen-statistics-quarter = Тримесечие
citizen-statistics-count = Брой
citizen-statistics-no-data = Няма данни.
citizen-statistics-institution = Институция
citizen-statistics-received = Получени
citizen-statistics-acknowledged-in-time = Потвърдени в срок
citizen-statistics-acknowledgments-due = Дължими потвърждения
citizen-statistics-acknowledged-in-time-share = Потвърдени в срок, %
citizen-statistics-feedback-in-time = Обратна информация в срок
citizen-statistics-feedback-due = Дължима обратна информация
citizen-statistics-feedback-in-time-share = Обратна информация в срок, %
citizen-statistics-obliged = Задължена да поддържа вътрешен канал
citizen-statistics-deadlines = Сроковете: потвърждение до 7 дни от получаването, обратна информация до 3 месеца от потвърждението. Делът се показва, когато са дължими поне 3.
citizen-statistics-by-institution = По институции
citizen-statistics-internal-channel = Вътрешен канал

## Signal statistics: the internal channel and the intake lists
citizen-channels-heading = Вътрешен канал за сигнали
citizen-channels-threshold = Институциите с по-малко от 10 000 жители или по-малко от 50 служители не са длъжни да поддържат вътрешен канал за сигнали. Населението е по преброяването от 2011 г.
citizen-channels-lists-saved = Списъците са записани.
citizen-channels-lists-heading = Звена и дейности за сигналите
citizen-channels-lists-lead = Подателите избират звено и дейност само от тези списъци, а статистиката показва само тях. Пишете по едно на ред. Имена на хора не се пишат тук.
citizen-channels-units = Звена
citizen-channels-activities = Дейности
citizen-channels-lists-save = Запиши списъците
citizen-channels-inhabitants = { $count ->
    [one] { $count } жител
   *[other] { $count } жители
}
citizen-channels-employees = { $count ->
    [one] { $count } служител
   *[other] { $count } служители
}
citizen-channels-institution = Институция
citizen-channels-population = Население (2011)
citizen-channels-obliged = Задължена
citizen-channels-assessed-by = Преценено по
citizen-channels-basis = Основание
citizen-channels-caption = Задължение за вътрешен канал
citizen-channels-not-whole-number = „{ $text }“ не е цяло число.
citizen-channels-saved = Записано. { $institution }: задължена да поддържа вътрешен канал — { $obliged }.
citizen-channels-form-title = Запис за вашата институция
citizen-channels-inhabitants-field = Жители
citizen-channels-employees-field = Служители
citizen-channels-basis-field = Основание (източник на данните)
citizen-channels-save = Запиши

## Answering the staff survey
citizen-survey-title = Анкета за служители
citizen-survey-heading = Анонимна анкета за служители
citizen-survey-thanks = Благодарим ви!
citizen-survey-recorded = Отговорите ви са записани анонимно. Кодът вече е използван и не може да бъде въведен отново.
citizen-survey-no-institution = Изберете институцията, в която работите.
citizen-survey-no-code = Въведете кода, който сте получили.
citizen-survey-anonymous = Анкетата е анонимна.
citizen-survey-anonymous-how = Кодът ви дава право на един отговор и не се свързва с отговорите: Антикор не пази кодовете и не знае кой кой код е получил. Не е нужно да влизате в системата.
citizen-survey-optional = Всички въпроси са по желание: може да оставите някои без отговор.
citizen-survey-institution = Институция
citizen-survey-year = Година
citizen-survey-code = Код за достъп
citizen-survey-code-help = 16 знака, например K7PM-Q2XD-9HTR-W4BN; тиретата не са задължителни.
citizen-survey-open = Отвори анкетата
citizen-survey-no-answers = Отговорете поне на един въпрос.
citizen-survey-closes = { $institution } · отговори се приемат до { $date } г.
citizen-survey-send = Изпрати отговорите
citizen-survey-scale-hint = 1 — изобщо не, 5 — напълно.
citizen-survey-clear = Без отговор
