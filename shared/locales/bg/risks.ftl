# Bulgarian: the corruption-risk register.
# Every id starts with "risks-"; shared/src/i18n.rs says how the catalogue works.

## Shared by the risk pages: years, dates, the fields of a risk, the states of a rating.
risks-year = { $year } г.
risks-date = { $date } г.
risks-year-label = Година
risks-register-title = Регистър на корупционните рискове
risks-not-assessed = не е оценен
risks-overdue-badge = просрочен
risks-yes = да
risks-no = не
risks-field-institution = Институция
risks-field-code = Код
risks-field-year = Година на регистъра
risks-field-area = Област на дейност
risks-field-unit = Процес или звено
risks-field-description = Описание
risks-field-causes = Причини
risks-field-owner = Собственик
risks-field-review-on = Срок за преглед
risks-field-review = Преглед
risks-field-status = Състояние
risks-field-inherent = Присъщ риск
risks-field-controls = Съществуващи контроли
risks-field-residual = Остатъчен риск
risks-field-band = Ниво
risks-field-response = Отговор
risks-field-acceptance-reason = Обосновка за приемането
risks-field-planned-measures = Планирани мерки
risks-field-plan-measures = Мерки от плана
risks-field-due-on = Срок на мерките
risks-field-signals = Свързани сигнали
risks-field-close-reason = Причина за закриването
risks-field-recorded = Вписан
risks-figure-open = Открити рискове
risks-figure-untreated = Оценени, без мерки

## The register (/risks)
risks-page-title = Корупционни рискове
risks-region-link = Регистрите на всички институции една до друга
risks-lead = Рисковете от корупция в дейността на институцията за годината (мярка VI.1 от плана): всеки оценен по вероятност и въздействие от 1 до 5 преди и след съществуващите контроли, с избрания отговор, мерките и прегледите. Всяка промяна остава в одитната следа.
risks-register-heading = Регистър
risks-figure-band = { $band } остатъчен риск
risks-figure-unassessed = Неоценени
risks-figure-overdue = Просрочени прегледи
risks-figure-closed = Закрити
risks-maps-note = Картите броят откритите оценени рискове: редовете са вероятността, колоните — въздействието; оценката е произведението им.
risks-inherent-map-caption = Присъщ риск (преди контролите), { $year } г.
risks-residual-map-caption = Остатъчен риск (след контролите), { $year } г.
risks-count = { $count ->
    [one] { $count } риск
   *[other] { $count } риска
}
risks-none-year = Няма вписани рискове за { $year } г.
risks-none = Няма вписани рискове.
risks-table-caption-year = Рискове за { $year } г., по реда на вписване
risks-table-caption = Рискове по реда на вписване

## The heat maps
risks-likelihood = Вероятност
risks-impact = Въздействие
risks-likelihood-1 = рядка
risks-likelihood-2 = малка
risks-likelihood-3 = възможна
risks-likelihood-4 = вероятна
risks-likelihood-5 = почти сигурна
risks-impact-1 = незначително
risks-impact-2 = малко
risks-impact-3 = умерено
risks-impact-4 = значително
risks-impact-5 = тежко
risks-map-corner = Вероятност \ Въздействие
risks-legend-label = Нива на риска
risks-map-cell-title = Вероятност { $likelihood } × въздействие { $impact } = { $score }, { $band }: { $count }
risks-map-total = Оценени рискове: { $count }

## The new risk form (/risks)
risks-new-title = Нов риск
risks-new-required = Попълнете полето „{ $field }“.
risks-new-choose-year = Изберете година на регистъра.
risks-new-choose-area = Изберете област на дейност.
risks-new-choose-owner = Изберете собственик на риска.
risks-new-review-on-what = срока за преглед
risks-new-owner-label = Собственик на риска
risks-new-owner-help = Служителят, който отговаря за риска.
risks-new-choose = Изберете…
risks-new-review-on-help = Във вида { shell-date-format }, до три години след годината на регистъра.
risks-new-description-label = Описание на риска
risks-new-description-help = Какво може да се случи.
risks-new-causes-help = Защо може да се случи.
risks-new-submit = Впиши риска

## A risk's page (/risks/{id})
risks-risk-title = Риск
risks-risk-heading = Риск { $code }
risks-invalid-id = Адресът не съдържа валиден номер на риск.
risks-files-none = Няма прикачени файлове.
risks-steps-heading = Действия по риска
risks-closed-no-changes = Рискът е закрит: по него не се вписват промени.
risks-files-heading = Файлове
risks-record-history = История на записа
risks-reviews-none = Рискът още не е преглеждан.
risks-review-residual = остатъчен риск
risks-review-next = следващ преглед { $date } г.
risks-reviews-heading = Прегледи

## A risk's forms: assessment, response, review, closing (/risks/{id})
risks-reloaded = Рискът по-горе е презареден; въведеното във формуляра е запазено.
risks-rating-score = Оценка { $rating }: { $band }
risks-assess-residual-above = Остатъчният риск (след съществуващите контроли) не може да е по-висок от присъщия.
risks-assess-saved = Оценката е записана.
risks-assess-title-new = Нова оценка
risks-assess-title = Оценка на риска
risks-assess-submit = Запиши оценката
risks-assess-inherent-legend = Присъщ риск (преди контролите)
risks-assess-residual-legend = Остатъчен риск (със съществуващите контроли)
risks-treat-no-plan = Няма план за { $year } г.: мерките по риска се описват само с текст.
risks-treat-measures-legend = Мерки от плана за { $year } г., които изпълнява (по избор)
risks-treat-justify = Обосновете защо рискът се приема.
risks-treat-describe = Опишете планираните мерки.
risks-treat-due-on-what = срока на мерките
risks-treat-saved = Отговорът и мерките са записани.
risks-treat-title-new = Нов отговор и мерки
risks-treat-title = Отговор и мерки
risks-treat-submit = Запиши отговора
risks-treat-response-label = Отговор на риска
risks-treat-due-on-label = Срок на мерките (по избор)
risks-review-on-what = датата на прегледа
risks-review-next-what = датата на следващия преглед
risks-review-next-after = Следващият преглед е след датата на този.
risks-review-describe = Опишете какво е установил прегледът.
risks-review-saved = Прегледът е записан.
risks-review-title = Преглед
risks-review-submit = Запиши прегледа
risks-review-on-label = Дата на прегледа
risks-review-next-label = Следващ преглед
risks-review-residual-legend = Остатъчен риск към прегледа
risks-review-note-label = Констатации
risks-close-reason-missing = Посочете причината за закриването.
risks-close-saved = Рискът е закрит.
risks-close-title = Закриване
risks-close-submit = Закрий риска
risks-close-note = Закритият риск остава в регистъра за годината и в одитната следа, но вече не се променя.

## The registers by institution (/region/risks)
risks-region-title = Корупционни рискове по институции
risks-region-breadcrumb = Областен изглед
risks-region-lead = Регистрите на рисковете от корупция на институциите една до друга: колко риска има всяка по нива на остатъчния риск, кои не са оценени или нямат мерки, чии прегледи са просрочени и кои институции още нямат регистър за годината. Под тях — най-високите рискове във всяка област на дейност.
risks-region-col-register = Регистър
risks-region-col-open = Открити
risks-region-col-high = Висок
risks-region-col-medium = Среден
risks-region-col-low = Нисък
risks-region-col-unassessed = Неоценени
risks-region-col-untreated = Без мерки
risks-region-col-overdue = Просрочени прегледи
risks-region-col-closed = Закрити
risks-region-top-none = Няма открити оценени рискове за { $year } г.
risks-region-kept = Институции с регистър
risks-region-kept-value = { $kept } от { $total }
risks-region-without = Без регистър за годината
risks-region-high = С висок остатъчен риск
risks-region-by-institution = По институции
risks-region-top-heading = Най-високите рискове по области
risks-region-no-register = без регистър
risks-region-tenants-caption = Регистрите за { $year } г. по институции: открити рискове по ниво на остатъчния риск и какво чака действие
risks-region-no-response = няма
risks-region-area-heading = { $area } — открити рискове: { $count }
risks-region-top-caption = Най-високите остатъчни рискове за { $year } г. във всяка област на дейност
