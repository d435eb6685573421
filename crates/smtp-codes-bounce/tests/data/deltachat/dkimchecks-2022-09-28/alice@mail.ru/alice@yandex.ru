From: <alice@yandex.ru>
To: <alice@mail.ru>
Authentication-Results: mxs.mail.ru; spf=pass (mx109.mail.ru: domain of yandex.ru designates 77.88.28.112 as permitted sender) smtp.mailfrom=alice@yandex.ru smtp.helo=forward502p.mail.yandex.net;
	 dkim=pass header.d=yandex.ru; dmarc=pass header.from=alice@yandex.ru
